using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Api.Tests.Support;

/// <summary>A read side whose every call fails with the given exception (an unavailable store, or a bug).</summary>
internal sealed class FailingQueries(Func<Exception> failure) : IGatewayQueries
{
    public Task<TransactionDetails?> GetTransactionAsync(string id, CancellationToken cancellationToken) => throw failure();

    public Task<Page<OutboundTransaction>> ListTransactionsAsync(ListFilter<TransactionState> filter, CancellationToken cancellationToken) => throw failure();

    public Task<IReadOnlyDictionary<TransactionState, int>> CountTransactionsByStateAsync(CancellationToken cancellationToken) => throw failure();

    public Task<InboundMessage?> GetInboundAsync(string meshMessageId, CancellationToken cancellationToken) => throw failure();

    public Task<Page<InboundMessage>> ListInboundAsync(ListFilter<InboundState> filter, CancellationToken cancellationToken) => throw failure();

    public Task<Page<OutboxItem>> ListOutboxAsync(ListFilter<OutboxState> filter, CancellationToken cancellationToken) => throw failure();

    public Task<Page<DeliveryItem>> ListDeliveriesAsync(ListFilter<DeliveryState> filter, CancellationToken cancellationToken) => throw failure();

    public Task<byte[]?> GetInboundContentAsync(string meshMessageId, CancellationToken cancellationToken) => throw failure();

    public Task<byte[]?> GetOutboxContentAsync(string outboxItemId, CancellationToken cancellationToken) => throw failure();

    public Task<OutboxItem?> GetOutboxItemAsync(string id, CancellationToken cancellationToken) => throw failure();

    public Task<DeliveryItem?> GetDeliveryAsync(string id, CancellationToken cancellationToken) => throw failure();

    public Task<IReadOnlyList<AuditEvent>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken) => throw failure();

    public Task<GatewayOverview> GetOverviewAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw failure();
}
