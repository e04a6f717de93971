using System.Data;
using Itk3.Gateway.Store;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>Opens pooled connections to the store's database with its schema on the search path and a statement timeout.</summary>
internal sealed class PgConnector : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;

    public PgConnector(PostgresGatewayStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        Schema = PgIdentifiers.Require(options.Schema, "schema");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            throw new GatewayStoreException(GatewayStoreError.Unavailable, "The PostgreSQL connection string is not valid: " + exception.Message, exception);
        }

        builder.SearchPath = Schema;
        builder.CommandTimeout = Math.Max(1, (int)Math.Ceiling(options.CommandTimeout.TotalSeconds));
        // Keepalives make a dead peer's connection (and so its row locks) go away in seconds, not at the TCP timeout.
        builder.KeepAlive = builder.KeepAlive == 0 ? 10 : builder.KeepAlive;
        // The store runs a few dozen fixed statements over and over: prepared once per pooled connection, the server stops parsing and
        // planning them each time (an explicit Max Auto Prepare in the connection string wins).
        builder.MaxAutoPrepare = builder.MaxAutoPrepare == 0 ? 64 : builder.MaxAutoPrepare;
        // The store changes no session state (no SET, no session advisory lock, no LISTEN, no temporary table), so a connection going back
        // to the pool needs no reset statements on its next use; a unit of work never leaves its transaction open (it rolls back).
        builder.NoResetOnClose = true;
        Server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The schema holding the tables.</summary>
    public string Schema { get; }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Server { get; }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw new GatewayStoreException(
                GatewayStoreError.Unavailable, $"Cannot open the gateway database {Server} ({PgSession.Wrap(exception).Message})", exception);
        }
    }

    public async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, IsolationLevel isolation, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.BeginTransactionAsync(isolation, cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw PgSession.Wrap(exception);
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
