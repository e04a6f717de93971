using System.Data.Common;
using System.Runtime.InteropServices;

namespace Itk3.Gateway.Postgres;

/// <summary>Converts between CLR values and their stored form: times as UTC ticks (BIGINT, as in the SQLite store), enums by name.</summary>
internal static class PgValues
{
    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.UtcTicks,
        Enum member => member.ToString(),
        // The whole array as is (no copy of a large payload); a slice must be copied.
        ReadOnlyMemory<byte> bytes when MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length => segment.Array,
        ReadOnlyMemory<byte> bytes => bytes.ToArray(),
        _ => value,
    };

    public static string? StringOrNull(this DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static string String(this DbDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static int Int(this DbDataReader reader, string column) => reader.GetInt32(reader.GetOrdinal(column));

    public static bool Bool(this DbDataReader reader, string column) => reader.GetBoolean(reader.GetOrdinal(column));

    public static DateTimeOffset Time(this DbDataReader reader, string column) =>
        new(reader.GetInt64(reader.GetOrdinal(column)), TimeSpan.Zero);

    public static DateTimeOffset? TimeOrNull(this DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);
    }

    public static TEnum Enum<TEnum>(this DbDataReader reader, string column)
        where TEnum : struct, Enum =>
        System.Enum.Parse<TEnum>(reader.GetString(reader.GetOrdinal(column)));

    public static byte[] Bytes(this DbDataReader reader, string column) =>
        (byte[])reader.GetValue(reader.GetOrdinal(column));
}
