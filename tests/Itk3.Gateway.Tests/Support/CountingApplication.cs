using System.Collections.Concurrent;
using Itk3.Gateway.Delivery;

namespace Itk3.Gateway.Tests.Support;

/// <summary>The local application's fake: counts deliveries by idempotency key and can refuse a number of them first.</summary>
internal sealed class CountingApplication : IDeliveryTarget
{
    private int _refusals;

    public ConcurrentDictionary<string, int> Deliveries { get; } = new();

    public ConcurrentQueue<DeliveryItem> Received { get; } = new();

    public void RefuseNext(int count) => _refusals = count;

    public Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _refusals) >= 0)
        {
            throw new InvalidOperationException("application unavailable");
        }

        Deliveries.AddOrUpdate(item.IdempotencyKey, 1, (_, n) => n + 1);
        Received.Enqueue(item);
        return Task.CompletedTask;
    }
}
