using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Diagnostics;

/// <summary>Wraps a store so every commit's latency is measured (<c>itk3.store.commit.duration</c>).</summary>
internal sealed class InstrumentedStore(IGatewayStore inner, GatewayMetrics metrics, TimeProvider clock) : IGatewayStore
{
    /// <inheritdoc />
    public GatewayStoreError? LastWriteError => inner.LastWriteError;

    /// <inheritdoc />
    public async Task<IGatewayUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        new Work(await inner.BeginAsync(cancellationToken).ConfigureAwait(false), metrics, clock);

    private sealed class Work(IGatewayUnitOfWork inner, GatewayMetrics metrics, TimeProvider clock) : IGatewayUnitOfWork
    {
        public IInboxStore Inbox => inner.Inbox;

        public ITransactionStore Transactions => inner.Transactions;

        public IOutboxStore Outbox => inner.Outbox;

        public IDeliveryStore Deliveries => inner.Deliveries;

        public IAuditStore Audit => inner.Audit;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            var started = clock.GetTimestamp();
            await inner.CommitAsync(cancellationToken).ConfigureAwait(false);
            metrics.Committed(clock.GetElapsedTime(started));
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
