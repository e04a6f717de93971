using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Postgres;

/// <summary>The read side: each call reads one consistent snapshot (REPEATABLE READ, READ ONLY) on its own pooled connection, never waiting for writers.</summary>
internal sealed class PgGatewayQueries(PgConnector connector) : IGatewayQueries
{
    public Task<TransactionDetails?> GetTransactionAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<TransactionDetails?>(
            async session =>
            {
                var transaction = await new PgTransactionStore(session).GetAsync(id, cancellationToken);
                if (transaction is null)
                {
                    return null;
                }

                var timeline = await PgTransactionStore.GetTimelineAsync(session, id, cancellationToken);
                var responses = await PgTransactionStore.GetResponsesAsync(session, id, cancellationToken);
                var outbox = await session.QueryAsync(
                    "SELECT id FROM outbox WHERE transaction_id = @id ORDER BY created_at, seq", [("@id", id)], r => r.GetString(0), cancellationToken);
                return new TransactionDetails(transaction, timeline, responses, outbox);
            },
            cancellationToken);

    public Task<Page<OutboundTransaction>> ListTransactionsAsync(ListFilter<TransactionState> filter, CancellationToken cancellationToken) =>
        ReadAsync(session => ListQueries.Transactions.PageAsync(session, filter, TransactionRows.Read, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<TransactionState, int>> CountTransactionsByStateAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyDictionary<TransactionState, int>>(
            async session =>
            {
                var counts = Enum.GetValues<TransactionState>().ToDictionary(s => s, _ => 0);
                var rows = await session.QueryAsync(
                    "SELECT state, COUNT(*)::int FROM transactions GROUP BY state", [],
                    r => (State: Enum.Parse<TransactionState>(r.GetString(0)), Count: r.GetInt32(1)), cancellationToken);
                foreach (var (state, count) in rows)
                {
                    counts[state] = count;
                }

                return counts;
            },
            cancellationToken);

    public Task<InboundMessage?> GetInboundAsync(string meshMessageId, CancellationToken cancellationToken) =>
        ReadAsync(session => new PgInboxStore(session).GetAsync(meshMessageId, cancellationToken), cancellationToken);

    public Task<Page<InboundMessage>> ListInboundAsync(ListFilter<InboundState> filter, CancellationToken cancellationToken) =>
        ReadAsync(session => ListQueries.Inbound.PageAsync(session, filter, InboundRows.Read, cancellationToken), cancellationToken);

    public Task<Page<OutboxItem>> ListOutboxAsync(ListFilter<OutboxState> filter, CancellationToken cancellationToken) =>
        ReadAsync(session => ListQueries.Outbox.PageAsync(session, filter, PgOutboxStore.Read, cancellationToken), cancellationToken);

    public Task<Page<DeliveryItem>> ListDeliveriesAsync(ListFilter<DeliveryState> filter, CancellationToken cancellationToken) =>
        ReadAsync(session => ListQueries.Deliveries.PageAsync(session, filter, PgDeliveryStore.Read, cancellationToken), cancellationToken);

    public Task<byte[]?> GetInboundContentAsync(string meshMessageId, CancellationToken cancellationToken) =>
        ReadAsync(
            async session => (byte[]?)await session.ScalarAsync(
                "SELECT content FROM inbound_messages WHERE mesh_message_id = @id AND content_purged_at IS NULL", [("@id", MeshIds.Normalize(meshMessageId))], cancellationToken),
            cancellationToken);

    public Task<byte[]?> GetOutboxContentAsync(string outboxItemId, CancellationToken cancellationToken) =>
        ReadAsync(
            async session => (byte[]?)await session.ScalarAsync(
                "SELECT content FROM outbox WHERE id = @id AND content_purged_at IS NULL", [("@id", outboxItemId)], cancellationToken),
            cancellationToken);

    public Task<OutboxItem?> GetOutboxItemAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            session => session.QuerySingleAsync(
                $"SELECT {PgOutboxStore.ListColumns} FROM outbox WHERE id = @id", [("@id", id)], PgOutboxStore.Read, cancellationToken),
            cancellationToken);

    public Task<DeliveryItem?> GetDeliveryAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            session => session.QuerySingleAsync(
                $"SELECT {PgDeliveryStore.ListColumns} FROM deliveries WHERE id = @id", [("@id", id)], PgDeliveryStore.Read, cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<AuditEvent>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        ReadAsync(session => PgAuditStore.ListAsync(session, query, cancellationToken), cancellationToken);

    public Task<GatewayOverview> GetOverviewAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAsync(session => OverviewQuery.ReadAsync(session, now, cancellationToken), cancellationToken);

    private async Task<T> ReadAsync<T>(Func<PgSession, Task<T>> read, CancellationToken cancellationToken)
    {
        // One snapshot for the whole read (page and total agree); read-only, so it takes no row lock.
        await using var connection = await connector.OpenAsync(cancellationToken);
        await using var transaction = await connector.BeginAsync(connection, System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        return await read(new PgSession(connection, transaction, writable: false));
    }
}
