using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tests.Support;

/// <summary>A store whose duplicate check throws for one MessageHeader id: handling that message always fails.</summary>
internal sealed class PoisonStore(IGatewayStore inner, string poisonedHeaderId) : IGatewayStore
{
    public GatewayStoreError? LastWriteError => inner.LastWriteError;

    public async Task<IGatewayUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        new Work(await inner.BeginAsync(cancellationToken), poisonedHeaderId);

    private sealed class Work(IGatewayUnitOfWork inner, string poisonedHeaderId) : IGatewayUnitOfWork
    {
        public IInboxStore Inbox { get; } = new Inbox(inner.Inbox, poisonedHeaderId);

        public ITransactionStore Transactions => inner.Transactions;

        public IOutboxStore Outbox => inner.Outbox;

        public IDeliveryStore Deliveries => inner.Deliveries;

        public IAuditStore Audit => inner.Audit;

        public Task CommitAsync(CancellationToken cancellationToken) => inner.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class Inbox(IInboxStore inner, string poisonedHeaderId) : IInboxStore
    {
        public Task<bool> RegisterAsync(InboundMessage message, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            inner.RegisterAsync(message, content, cancellationToken);

        public Task<InboundMessage?> GetAsync(string meshMessageId, CancellationToken cancellationToken) => inner.GetAsync(meshMessageId, cancellationToken);

        public Task<bool> UpdateAsync(InboundMessage message, CancellationToken cancellationToken) => inner.UpdateAsync(message, cancellationToken);

        public Task<bool> IsMessageHeaderIdKnownAsync(string messageHeaderId, string exceptMeshMessageId, CancellationToken cancellationToken) =>
            messageHeaderId == poisonedHeaderId
                ? throw new InvalidOperationException("poisoned")
                : inner.IsMessageHeaderIdKnownAsync(messageHeaderId, exceptMeshMessageId, cancellationToken);

        public Task<bool> IsDocumentIdKnownAsync(string documentId, string exceptMeshMessageId, CancellationToken cancellationToken) =>
            inner.IsDocumentIdKnownAsync(documentId, exceptMeshMessageId, cancellationToken);

        public Task RecordDocumentAsync(Messaging.Validation.ReceivedDocument document, string meshMessageId, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
            inner.RecordDocumentAsync(document, meshMessageId, receivedAt, cancellationToken);

        public Task<Messaging.Validation.ReceivedDocument?> FindDocumentAsync(string documentIdOrIdentifier, CancellationToken cancellationToken) =>
            inner.FindDocumentAsync(documentIdOrIdentifier, cancellationToken);

        public Task<bool> MarkAcknowledgedAsync(string meshMessageId, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken) =>
            inner.MarkAcknowledgedAsync(meshMessageId, acknowledgedAt, cancellationToken);

        public Task<IReadOnlyList<InboundMessage>> ListUnacknowledgedAsync(int maxItems, CancellationToken cancellationToken) =>
            inner.ListUnacknowledgedAsync(maxItems, cancellationToken);
    }
}
