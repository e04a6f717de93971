using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Sqlite;

/// <summary>The read side: each call opens its own connection and reads one consistent WAL snapshot, never waiting for writers.</summary>
internal sealed class SqliteGatewayQueries(SqliteConnector connector) : IGatewayQueries
{
    public Task<TransactionDetails?> GetTransactionAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<TransactionDetails?>(
            async session =>
            {
                var transaction = await new SqliteTransactionStore(session).GetAsync(id, cancellationToken);
                if (transaction is null)
                {
                    return null;
                }

                var timeline = await SqliteTransactionStore.GetTimelineAsync(session, id, cancellationToken);
                var responses = await SqliteTransactionStore.GetResponsesAsync(session, id, cancellationToken);
                var outbox = await session.QueryAsync(
                    "SELECT id FROM outbox WHERE transaction_id = $id ORDER BY created_at, seq", [("$id", id)], r => r.GetString(0), cancellationToken);
                return new TransactionDetails(transaction, timeline, responses, outbox);
            },
            cancellationToken);

    public Task<Page<OutboundTransaction>> ListTransactionsAsync(ListFilter<TransactionState> filter, CancellationToken cancellationToken)
    {
        return ReadAsync(session => ListQueries.Transactions.PageAsync(session, filter, TransactionRows.Read, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyDictionary<TransactionState, int>> CountTransactionsByStateAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyDictionary<TransactionState, int>>(
            async session =>
            {
                var counts = Enum.GetValues<TransactionState>().ToDictionary(s => s, _ => 0);
                var rows = await session.QueryAsync(
                    "SELECT state, COUNT(*) FROM transactions GROUP BY state", [],
                    r => (State: Enum.Parse<TransactionState>(r.GetString(0)), Count: r.GetInt32(1)), cancellationToken);
                foreach (var (state, count) in rows)
                {
                    counts[state] = count;
                }

                return counts;
            },
            cancellationToken);

    public Task<InboundMessage?> GetInboundAsync(string meshMessageId, CancellationToken cancellationToken) =>
        ReadAsync(session => new SqliteInboxStore(session).GetAsync(meshMessageId, cancellationToken), cancellationToken);

    public Task<Page<InboundMessage>> ListInboundAsync(ListFilter<InboundState> filter, CancellationToken cancellationToken)
    {
        return ReadAsync(session => ListQueries.Inbound.PageAsync(session, filter, InboundRows.Read, cancellationToken), cancellationToken);
    }

    public Task<Page<OutboxItem>> ListOutboxAsync(ListFilter<OutboxState> filter, CancellationToken cancellationToken)
    {
        return ReadAsync(session => ListQueries.Outbox.PageAsync(session, filter, SqliteOutboxStore.Read, cancellationToken), cancellationToken);
    }

    public Task<Page<DeliveryItem>> ListDeliveriesAsync(ListFilter<DeliveryState> filter, CancellationToken cancellationToken)
    {
        return ReadAsync(session => ListQueries.Deliveries.PageAsync(session, filter, SqliteDeliveryStore.Read, cancellationToken), cancellationToken);
    }

    public Task<byte[]?> GetInboundContentAsync(string meshMessageId, CancellationToken cancellationToken) =>
        ReadAsync(
            async session => (byte[]?)await session.ScalarAsync(
                $"SELECT {StoredContent.Value} FROM inbound_messages WHERE mesh_message_id = $id AND content_purged_at IS NULL", [("$id", MeshIds.Normalize(meshMessageId))], cancellationToken),
            cancellationToken);

    public Task<byte[]?> GetOutboxContentAsync(string outboxItemId, CancellationToken cancellationToken) =>
        ReadAsync(
            async session => (byte[]?)await session.ScalarAsync(
                $"SELECT {StoredContent.Value} FROM outbox WHERE id = $id AND content_purged_at IS NULL", [("$id", outboxItemId)], cancellationToken),
            cancellationToken);

    public Task<Stream?> OpenOutboxContentAsync(string outboxItemId, CancellationToken cancellationToken) =>
        SqliteOutboxStore.OpenContentAsync(connector, outboxItemId, cancellationToken);

    public Task<Stream?> OpenDeliveryContentAsync(string deliveryId, CancellationToken cancellationToken) =>
        SqliteDeliveryStore.OpenContentAsync(connector, deliveryId, cancellationToken);

    public Task<OutboxItem?> GetOutboxItemAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            session => session.QuerySingleAsync(
                $"SELECT {SqliteOutboxStore.ListColumns} FROM outbox WHERE id = $id", [("$id", id)], SqliteOutboxStore.Read, cancellationToken),
            cancellationToken);

    public Task<DeliveryItem?> GetDeliveryAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            session => session.QuerySingleAsync(
                $"SELECT {SqliteDeliveryStore.ListColumns} FROM deliveries WHERE id = $id", [("$id", id)], SqliteDeliveryStore.Read, cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<AuditEvent>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        ReadAsync(session => SqliteAuditStore.ListAsync(session, query, cancellationToken), cancellationToken);

    public Task<GatewayOverview> GetOverviewAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAsync(session => OverviewQuery.ReadAsync(session, now, cancellationToken), cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        // A deferred transaction pins one snapshot for the whole read (page and total agree) and takes no write lock.
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await read(new SqlSession(connection, transaction));
    }
}
