using System.Data;
using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Postgres.Migrations;
using Itk3.Gateway.Retention;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Postgres;

/// <summary>The gateway store in a PostgreSQL schema shared by several node instances: a pooled connection and a READ COMMITTED
/// transaction per unit of work, row locks for read-modify-write, <c>FOR UPDATE SKIP LOCKED</c> claims.</summary>
public sealed class PostgresGatewayStore : IGatewayStore, IGatewayQueries, IContentRetention, IAsyncDisposable
{
    private readonly PgConnector connector;
    private readonly PgGatewayQueries queries;
    private readonly WriteHealth writeHealth;

    private PostgresGatewayStore(PgConnector connector, IReadOnlyList<int> appliedAtOpen, TimeProvider timeProvider)
    {
        writeHealth = new WriteHealth(timeProvider);
        this.connector = connector;
        queries = new PgGatewayQueries(connector);
        MigrationsAppliedAtOpen = appliedAtOpen;
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int SchemaVersion => EmbeddedMigrations.Load()[^1].Version;

    /// <summary>The schema holding the tables.</summary>
    public string Schema => connector.Schema;

    /// <summary>Server, database and schema, for logs (never the password).</summary>
    public string Location => $"postgres://{connector.Server} schema {connector.Schema}";

    /// <summary>The migrations this open applied (empty when the schema was already current, for example another instance applied them).</summary>
    public IReadOnlyList<int> MigrationsAppliedAtOpen { get; }

    /// <summary>Opens the store, creating the schema when missing and applying pending migrations under an advisory lock; throws <see cref="GatewayStoreException"/> (<see cref="GatewayStoreError.SchemaTooNew"/> when a newer build wrote it).</summary>
    public static Task<PostgresGatewayStore> OpenAsync(PostgresGatewayStoreOptions options, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        OpenAsync(options, timeProvider, EmbeddedMigrations.Load(), cancellationToken);

    /// <inheritdoc />
    public async Task<IGatewayUnitOfWork> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await connector.OpenAsync(cancellationToken);
        return new PgUnitOfWork(connection, writeHealth);
    }

    /// <inheritdoc />
    public GatewayStoreError? LastWriteError => writeHealth.LastError;

    /// <summary>Elects one poller per mailbox among the instances sharing this store.</summary>
    public Inbound.IPollerElection CreatePollerElection(string instanceId, TimeSpan leaseDuration, TimeProvider timeProvider) =>
        new PgPollerElection(connector, instanceId, leaseDuration, timeProvider);

    /// <summary>The schema versions recorded in <c>schema_version</c>, ascending.</summary>
    public async Task<IReadOnlyList<int>> GetAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        await using var transaction = await connector.BeginAsync(connection, IsolationLevel.ReadCommitted, cancellationToken);
        return await PgMigrator.ReadAppliedAsync(new PgSession(connection, transaction, writable: false), cancellationToken);
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
    public Task<OutboxItem?> GetOutboxItemAsync(string id, CancellationToken cancellationToken) =>
        queries.GetOutboxItemAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<DeliveryItem?> GetDeliveryAsync(string id, CancellationToken cancellationToken) =>
        queries.GetDeliveryAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEvent>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        queries.ListAuditAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<GatewayOverview> GetOverviewAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        queries.GetOverviewAsync(now, cancellationToken);

    /// <inheritdoc />
    public Task<PurgeReport> PurgeContentAsync(RetentionCutoffs cutoffs, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken) =>
        new PgContentPurge(connector).RunAsync(cutoffs, now, dryRun, cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => connector.DisposeAsync();

    internal static async Task<PostgresGatewayStore> OpenAsync(
        PostgresGatewayStoreOptions options, TimeProvider timeProvider, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var connector = new PgConnector(options);
        try
        {
            var applied = await new PgMigrator(migrations, timeProvider).ApplyAsync(connector, cancellationToken);
            return new PostgresGatewayStore(connector, applied, timeProvider);
        }
        catch
        {
            await connector.DisposeAsync();
            throw;
        }
    }
}
