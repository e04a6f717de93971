using Itk3.Gateway.Configuration;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Postgres;
using Itk3.Gateway.Retention;
using Itk3.Gateway.Sqlite;
using Itk3.Gateway.Store;

namespace Itk3.Gateway.Hosting;

/// <summary>The store of the configured provider, opened: its write and read sides, the MESH poller election and what closes it.</summary>
/// <param name="Store">The write side.</param>
/// <param name="Queries">The read side.</param>
/// <param name="Election">Who polls MESH (always this instance on SQLite; elected through the database on PostgreSQL).</param>
/// <param name="Location">The SQLite file, or the PostgreSQL server, database and schema (never the password).</param>
/// <param name="Retention">Blanks old payloads (the retention purge).</param>
/// <param name="Owner">Closes the store.</param>
internal sealed record OpenedStore(
    IGatewayStore Store, IGatewayQueries Queries, IPollerElection Election, IContentRetention Retention, string Location, IAsyncDisposable Owner)
{
    /// <summary>Opens the store that <paramref name="options"/> name (<c>store.provider</c>), applying its migrations.</summary>
    public static async Task<OpenedStore> OpenAsync(GatewayOptions options, string instanceId, TimeProvider clock, long? maxDatabaseBytes, CancellationToken cancellationToken)
    {
        if (options.Store.IsPostgres)
        {
            var postgres = await PostgresGatewayStore.OpenAsync(
                new PostgresGatewayStoreOptions(options.Store.ConnectionString!) { Schema = options.Store.Schema }, clock, cancellationToken).ConfigureAwait(false);
            var lease = options.Store.EffectivePollerLease(options.Mesh.EffectivePollInterval);
            return new OpenedStore(postgres, postgres, postgres.CreatePollerElection(instanceId, lease, clock), postgres, postgres.Location, postgres);
        }

        var sqlite = await SqliteGatewayStore.OpenAsync(new SqliteGatewayStoreOptions(options.EffectiveDatabasePath) { MaxDatabaseBytes = maxDatabaseBytes }, clock, cancellationToken).ConfigureAwait(false);
        return new OpenedStore(sqlite, sqlite, SoleInstanceElection.Instance, sqlite, sqlite.DatabasePath, sqlite);
    }

    /// <summary>The configured instance id; otherwise host name and process id on a shared store, the mailbox on SQLite.</summary>
    public static string InstanceIdOf(GatewayOptions options) => options switch
    {
        { InstanceId: { Length: > 0 } id } => id,
        { Store.IsPostgres: true } => $"{Environment.MachineName}-{Environment.ProcessId}",
        _ => options.Mailbox,
    };
}
