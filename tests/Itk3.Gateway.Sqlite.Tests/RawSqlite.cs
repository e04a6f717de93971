using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite.Tests;

/// <summary>Direct, unpooled access to a database file, to look at or tamper with what the store wrote.</summary>
internal static class RawSqlite
{
    static RawSqlite() => SQLitePCL.Batteries_V2.Init();

    public static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public static async Task<bool> TableExistsAsync(string path, string table) =>
        Convert.ToInt64(await ScalarAsync(path, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'")) == 1;
}
