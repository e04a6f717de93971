namespace Itk3.Gateway.Postgres;

/// <summary>Builds SQL text from the stores' own constants (never from input).</summary>
internal static class SqlText
{
    /// <summary>An insert of every column from parameters named <c>@column</c> that does nothing on a uniqueness conflict.</summary>
    public static string InsertIgnoringConflicts(string table, string columns) =>
        $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", columns.Split(", ").Select(c => "@" + c))}) ON CONFLICT DO NOTHING";

    /// <summary>Enum members as a list of SQL string literals, for <c>IN (...)</c>.</summary>
    public static string Literals<TEnum>(IEnumerable<TEnum> members)
        where TEnum : struct, Enum =>
        string.Join(", ", members.Select(m => $"'{m}'"));
}
