using Itk3.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite.Migrations;

/// <summary>Brings a database to the newest known schema in one transaction, recording each migration in <c>schema_version</c>.</summary>
internal sealed class SqliteMigrator(IReadOnlyList<Migration> migrations, TimeProvider timeProvider)
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);";

    public static async Task<IReadOnlyList<int>> ReadAppliedAsync(SqlSession session, CancellationToken cancellationToken) =>
        await session.QueryAsync("SELECT version FROM schema_version ORDER BY version", [], r => r.GetInt32(0), cancellationToken);

    /// <summary>Applies the missing migrations and returns their versions (empty when the schema was current).</summary>
    public async Task<IReadOnlyList<int>> ApplyAsync(SqliteConnection connection, string databasePath, CancellationToken cancellationToken)
    {
        // WAL cannot be switched inside a transaction; it persists in the file, so readers never block the writer.
        await new SqlSession(connection, null).ExecuteAsync("PRAGMA journal_mode = WAL;", [], cancellationToken);
        await using var transaction = SqliteConnector.BeginImmediate(connection);
        var session = new SqlSession(connection, transaction);
        await session.ExecuteAsync(CreateVersionTable, [], cancellationToken);
        var applied = await ReadAppliedAsync(session, cancellationToken);
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (applied.Count > 0 && applied[^1] > newest)
        {
            throw new GatewayStoreException(
                GatewayStoreError.SchemaTooNew,
                $"The gateway database {databasePath} has schema version {applied[^1]}, newer than this build knows ({newest}). Use a newer build.");
        }

        var pending = migrations.Where(m => !applied.Contains(m.Version)).ToList();
        foreach (var migration in pending)
        {
            await ApplyOneAsync(session, migration, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return pending.Select(m => m.Version).ToList();
    }

    private async Task ApplyOneAsync(SqlSession session, Migration migration, CancellationToken cancellationToken)
    {
        try
        {
            await session.ExecuteAsync(migration.Sql, [], cancellationToken);
        }
        catch (GatewayStoreException exception)
        {
            throw new GatewayStoreException(
                GatewayStoreError.MigrationFailed, $"Migration {migration.Name} failed; nothing was applied.", exception.InnerException);
        }

        await session.ExecuteAsync(
            "INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $at)",
            [("$version", migration.Version), ("$name", migration.Name), ("$at", timeProvider.GetUtcNow())],
            cancellationToken);
    }
}
