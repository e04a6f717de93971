using System.Data;
using Itk3.Gateway.Store;
using Npgsql;

namespace Itk3.Gateway.Postgres.Migrations;

/// <summary>Brings a schema to the newest known version in one transaction under an advisory lock, recording each migration in <c>schema_version</c>.</summary>
/// <remarks>Instances starting together queue on the lock; the first applies the migrations, the others then find them recorded and apply nothing.
/// PostgreSQL DDL is transactional, so a failing migration leaves nothing behind.</remarks>
internal sealed class PgMigrator(IReadOnlyList<Migration> migrations, TimeProvider timeProvider)
{
    public static async Task<IReadOnlyList<int>> ReadAppliedAsync(PgSession session, CancellationToken cancellationToken) =>
        await session.QueryAsync("SELECT version FROM schema_version ORDER BY version", [], r => r.GetInt32(0), cancellationToken);

    /// <summary>Applies the missing migrations and returns their versions (empty when the schema was current).</summary>
    public async Task<IReadOnlyList<int>> ApplyAsync(PgConnector connector, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        await using var transaction = await connector.BeginAsync(connection, IsolationLevel.ReadCommitted, cancellationToken);
        var session = new PgSession(connection, transaction, writable: true);
        // One lock per schema (the key is the schema's name hashed by the server), held until this transaction ends.
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('itk3-gateway-migrate:' || @schema, 0))", [("@schema", connector.Schema)], cancellationToken);
        await session.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {connector.Schema}", [], cancellationToken);
        await session.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)", [], cancellationToken);
        var applied = await ReadAppliedAsync(session, cancellationToken);
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (applied.Count > 0 && applied[^1] > newest)
        {
            throw new GatewayStoreException(
                GatewayStoreError.SchemaTooNew,
                $"The gateway database {connector.Server} (schema {connector.Schema}) has schema version {applied[^1]}, newer than this build knows ({newest}). Use a newer build.");
        }

        var pending = migrations.Where(m => !applied.Contains(m.Version)).ToList();
        foreach (var migration in pending)
        {
            await ApplyOneAsync(session, migration, cancellationToken);
        }

        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw PgSession.Wrap(exception);
        }

        return pending.Select(m => m.Version).ToList();
    }

    private async Task ApplyOneAsync(PgSession session, Migration migration, CancellationToken cancellationToken)
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
            "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
            [("@version", migration.Version), ("@name", migration.Name), ("@at", timeProvider.GetUtcNow())],
            cancellationToken);
    }
}
