using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>Converts between CLR values and their stored form: times as UTC ticks, enums by name, booleans as 0/1.</summary>
internal static class SqlValues
{
    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.UtcTicks,
        Enum member => member.ToString(),
        bool flag => flag ? 1L : 0L,
        // The whole array as is (no copy of a large payload); a slice must be copied.
        ReadOnlyMemory<byte> bytes when MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length => segment.Array,
        ReadOnlyMemory<byte> bytes => bytes.ToArray(),
        _ => value,
    };

    public static string? StringOrNull(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static string String(this SqliteDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static int Int(this SqliteDataReader reader, string column) => reader.GetInt32(reader.GetOrdinal(column));

    public static bool Bool(this SqliteDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column)) != 0;

    public static DateTimeOffset Time(this SqliteDataReader reader, string column) =>
        new(reader.GetInt64(reader.GetOrdinal(column)), TimeSpan.Zero);

    public static DateTimeOffset? TimeOrNull(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);
    }

    public static TEnum Enum<TEnum>(this SqliteDataReader reader, string column)
        where TEnum : struct, Enum =>
        System.Enum.Parse<TEnum>(reader.GetString(reader.GetOrdinal(column)));

    public static byte[] Bytes(this SqliteDataReader reader, string column) =>
        (byte[])reader.GetValue(reader.GetOrdinal(column));
}
