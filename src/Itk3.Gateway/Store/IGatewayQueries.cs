using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Store;

/// <summary>The read side for the CLI, HTTP API and dashboard: committed data only, never blocked by writers.</summary>
public interface IGatewayQueries
{
    /// <summary>A transaction with its timeline, responses and outbox items, or null.</summary>
    Task<TransactionDetails?> GetTransactionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Transactions matching the filter, newest first; needs-attention also takes transactions with a dead-lettered or waiting send, and leaves out those an operator resolved.</summary>
    Task<Page<OutboundTransaction>> ListTransactionsAsync(ListFilter<TransactionState> filter, CancellationToken cancellationToken);

    /// <summary>How many transactions are in each state (every state present, zero when none).</summary>
    Task<IReadOnlyDictionary<TransactionState, int>> CountTransactionsByStateAsync(CancellationToken cancellationToken);

    /// <summary>A received message, or null.</summary>
    Task<InboundMessage?> GetInboundAsync(string meshMessageId, CancellationToken cancellationToken);

    /// <summary>Received messages matching the filter, newest first; needs-attention means rejected or dead-lettered and not resolved by an operator.</summary>
    Task<Page<InboundMessage>> ListInboundAsync(ListFilter<InboundState> filter, CancellationToken cancellationToken);

    /// <summary>Outbox items matching the filter (flow = workflow id), newest first, without their content; needs-attention means dead-lettered or waiting (still retried after the fast retries ran out).</summary>
    Task<Page<OutboxItem>> ListOutboxAsync(ListFilter<OutboxState> filter, CancellationToken cancellationToken);

    /// <summary>Deliveries matching the filter, newest first, without their content; needs-attention means dead-lettered or waiting (still retried after the fast retries ran out).</summary>
    Task<Page<DeliveryItem>> ListDeliveriesAsync(ListFilter<DeliveryState> filter, CancellationToken cancellationToken);

    /// <summary>The raw bytes of a received message, or null (unknown, or blanked by the retention purge).</summary>
    Task<byte[]?> GetInboundContentAsync(string meshMessageId, CancellationToken cancellationToken);

    /// <summary>The bytes of an outbox item (a sent payload or response), or null (unknown, or blanked by the retention purge).</summary>
    Task<byte[]?> GetOutboxContentAsync(string outboxItemId, CancellationToken cancellationToken);

    /// <summary>The bytes of an outbox item as a readable, seekable stream (read from the store as it is consumed where the store can), or null (unknown, or blanked by the retention purge).</summary>
    async Task<Stream?> OpenOutboxContentAsync(string outboxItemId, CancellationToken cancellationToken) =>
        await GetOutboxContentAsync(outboxItemId, cancellationToken).ConfigureAwait(false) is { } bytes ? new MemoryStream(bytes, writable: false) : null;

    /// <summary>The bytes of a delivery as a readable, seekable stream read from the store as it is consumed, or null: unknown, blanked by the
    /// retention purge, or a store that loads delivery content with the claim (the default).</summary>
    Task<Stream?> OpenDeliveryContentAsync(string deliveryId, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);

    /// <summary>An outbox item without its content, or null.</summary>
    Task<OutboxItem?> GetOutboxItemAsync(string id, CancellationToken cancellationToken);

    /// <summary>A delivery without its content, or null.</summary>
    Task<DeliveryItem?> GetDeliveryAsync(string id, CancellationToken cancellationToken);

    /// <summary>Operator actions and payload views the query selects, newest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>The overview numbers: activity per flow in the hour and day before <paramref name="now"/>, responses by code, states, queues.</summary>
    Task<GatewayOverview> GetOverviewAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
