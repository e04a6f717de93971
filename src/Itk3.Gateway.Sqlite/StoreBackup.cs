using Itk3.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>
/// Copies the live database with SQLite's online backup API: one consistent snapshot while the node keeps writing (WAL
/// readers do not block writers), into <c>{file}.partial</c>, checked with <c>quick_check</c>, then renamed into place.
/// </summary>
internal static class StoreBackup
{
    public static async Task<long> RunAsync(SqliteConnector connector, string destination, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            throw new IOException($"'{target}' already exists; choose a new backup file name.");
        }

        if (string.Equals(target, connector.DatabasePath, StringComparison.Ordinal))
        {
            throw new IOException("the backup file cannot be the database itself.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await CopyAsync(connector, partial, cancellationToken);
            File.Move(partial, target);
            return new FileInfo(target).Length;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task CopyAsync(SqliteConnector connector, string partial, CancellationToken cancellationToken)
    {
        await using var source = await connector.OpenAsync(cancellationToken);
        var builder = new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using var copy = new SqliteConnection(builder.ToString());
        try
        {
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
            await using var command = copy.CreateCommand();
            // The copy keeps WAL mode from the header; switch it to a single self-contained file (no -wal beside it).
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "PRAGMA quick_check;";
            var check = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (check != "ok")
            {
                throw new GatewayStoreException(GatewayStoreError.Unavailable, $"the backup copy failed its integrity check: {check}");
            }
        }
        catch (SqliteException exception)
        {
            throw SqlSession.Wrap(exception);
        }
    }
}
