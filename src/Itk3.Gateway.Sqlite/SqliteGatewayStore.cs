using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Retention;
using Itk3.Gateway.Sqlite.Migrations;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Sqlite;

/// <summary>The gateway store in one SQLite file: WAL, durable commits, one connection and BEGIN IMMEDIATE per unit of work.</summary>
public sealed class SqliteGatewayStore : IGatewayStore, IGatewayQueries, IContentRetention, IAsyncDisposable
{
    private readonly SqliteConnector connector;
    private readonly SqliteGatewayQueries queries;
    private readonly WriteGate writeGate;
    private readonly WriteHealth writeHealth;

    private SqliteGatewayStore(SqliteConnector connector, TimeSpan busyTimeout, IReadOnlyList<int> appliedAtOpen, TimeProvider timeProvider)
    {
        writeHealth = new WriteHealth(timeProvider);
        this.connector = connector;
        writeGate = new WriteGate(busyTimeout);
        queries = new SqliteGatewayQueries(connector);
        MigrationsAppliedAtOpen = appliedAtOpen;
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int SchemaVersion => EmbeddedMigrations.Load()[^1].Version;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => connector.DatabasePath;

    /// <summary>The migrations this open applied (empty when the schema was already current).</summary>
    public IReadOnlyList<int> MigrationsAppliedAtOpen { get; }

    /// <summary>Opens (creating when missing) the database and applies pending migrations; throws <see cref="GatewayStoreException"/> with <see cref="GatewayStoreError.SchemaTooNew"/> when a newer build wrote it.</summary>
    public static Task<SqliteGatewayStore> OpenAsync(SqliteGatewayStoreOptions options, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        OpenAsync(options, timeProvider, EmbeddedMigrations.Load(), cancellationToken);

    /// <inheritdoc />
    public async Task<IGatewayUnitOfWork> BeginAsync(CancellationToken cancellationToken)
    {
        var pass = await writeGate.EnterAsync(cancellationToken);
        try
        {
            var connection = await connector.OpenAsync(cancellationToken);
            try
            {
                return new SqliteUnitOfWork(connection, SqliteConnector.BeginImmediate(connection), pass, writeHealth);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        catch
        {
            pass.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public GatewayStoreError? LastWriteError => writeHealth.LastError;

    /// <summary>The schema versions recorded in <c>schema_version</c>, ascending.</summary>
    public async Task<IReadOnlyList<int>> GetAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        return await SqliteMigrator.ReadAppliedAsync(new SqlSession(connection, null), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TransactionDetails?> GetTransactionAsync(string id, CancellationToken cancellationToken) =>
        queries.GetTransactionAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<Page<OutboundTransaction>> ListTransactionsAsync(ListFilter<TransactionState> filter, CancellationToken cancellationToken) =>
        queries.ListTransactionsAsync(filter, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<TransactionState, int>> CountTransactionsByStateAsync(CancellationToken cancellationToken) =>
        queries.CountTransactionsByStateAsync(cancellationToken);

    /// <inheritdoc />
    public Task<InboundMessage?> GetInboundAsync(string meshMessageId, CancellationToken cancellationToken) =>
        queries.GetInboundAsync(meshMessageId, cancellationToken);

    /// <inheritdoc />
    public Task<Page<InboundMessage>> ListInboundAsync(ListFilter<InboundState> filter, CancellationToken cancellationToken) =>
        queries.ListInboundAsync(filter, cancellationToken);

    /// <inheritdoc />
    public Task<Page<OutboxItem>> ListOutboxAsync(ListFilter<OutboxState> filter, CancellationToken cancellationToken) =>
        queries.ListOutboxAsync(filter, cancellationToken);

    /// <inheritdoc />
    public Task<Page<DeliveryItem>> ListDeliveriesAsync(ListFilter<DeliveryState> filter, CancellationToken cancellationToken) =>
        queries.ListDeliveriesAsync(filter, cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> GetInboundContentAsync(string meshMessageId, CancellationToken cancellationToken) =>
        queries.GetInboundContentAsync(meshMessageId, cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> GetOutboxContentAsync(string outboxItemId, CancellationToken cancellationToken) =>
        queries.GetOutboxContentAsync(outboxItemId, cancellationToken);

    /// <inheritdoc />
    public Task<PurgeReport> PurgeContentAsync(RetentionCutoffs cutoffs, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken) =>
        new ContentPurge(connector, writeGate).RunAsync(cutoffs, now, dryRun, cancellationToken);

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="destination"/> (a new file) with SQLite's online backup
    /// API while the node keeps running; returns its size in bytes. Throws <see cref="IOException"/> when the file exists.
    /// </summary>
    public Task<long> BackupAsync(string destination, CancellationToken cancellationToken) =>
        StoreBackup.RunAsync(connector, destination, cancellationToken);

    /// <inheritdoc />
    public Task<OutboxItem?> GetOutboxItemAsync(string id, CancellationToken cancellationToken) =>
        queries.GetOutboxItemAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<Stream?> OpenOutboxContentAsync(string outboxItemId, CancellationToken cancellationToken) =>
        queries.OpenOutboxContentAsync(outboxItemId, cancellationToken);

    /// <inheritdoc />
    public Task<Stream?> OpenDeliveryContentAsync(string deliveryId, CancellationToken cancellationToken) =>
        queries.OpenDeliveryContentAsync(deliveryId, cancellationToken);

    /// <inheritdoc />
    public Task<DeliveryItem?> GetDeliveryAsync(string id, CancellationToken cancellationToken) =>
        queries.GetDeliveryAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEvent>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        queries.ListAuditAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<GatewayOverview> GetOverviewAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        queries.GetOverviewAsync(now, cancellationToken);

    /// <summary>Closes the pooled connections, so the file can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        connector.ReleasePooledConnections();
        return ValueTask.CompletedTask;
    }

    internal static async Task<SqliteGatewayStore> OpenAsync(
        SqliteGatewayStoreOptions options, TimeProvider timeProvider, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var connector = new SqliteConnector(options);
        var folder = Path.GetDirectoryName(connector.DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (new FileInfo(connector.DatabasePath) is { Exists: true, Length: 0 })
        {
            // SQLite would treat it as a new, empty database: a truncated store must never be reset silently.
            throw new GatewayStoreException(
                GatewayStoreError.Corrupt,
                $"The gateway database {connector.DatabasePath} is empty (0 bytes): it was truncated or never written. The node does not start on it "
                + "and never resets it: restore the file from a backup, or delete it to start with an empty store.");
        }

        try
        {
            await using var connection = await connector.OpenAsync(cancellationToken);
            var applied = await new SqliteMigrator(migrations, timeProvider).ApplyAsync(connection, connector.DatabasePath, cancellationToken);
            return new SqliteGatewayStore(connector, options.BusyTimeout, applied, timeProvider);
        }
        catch (GatewayStoreException e) when (e.Error is GatewayStoreError.Corrupt or GatewayStoreError.StorageFull)
        {
            throw connector.Describe(e);
        }
    }
}
