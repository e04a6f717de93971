using Itk3.Gateway.Delivery;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;

namespace Itk3.Gateway.Hosting;

/// <summary>Samples queue depths and oldest ages from the read side every <see cref="GatewayNodeServices.StatusInterval"/>, for health and the queue gauges.</summary>
internal sealed class StatusSampler(GatewayNodeServices services, NodeEvents events)
{
    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await LoopGuard.RunAsync(() => RunOnceAsync(cancellationToken), services, events, "status", cancellationToken).ConfigureAwait(false);
            await Task.Delay(services.StatusInterval, services.Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes one sample.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow();
        var (outbox, oldestOutbox) = await OldestAsync(
            f => services.Queries.ListOutboxAsync(f, cancellationToken), new ListFilter<OutboxState> { States = [OutboxState.Pending], Take = 1 }, o => o.CreatedAt).ConfigureAwait(false);
        var (deliveries, oldestDelivery) = await OldestAsync(
            f => services.Queries.ListDeliveriesAsync(f, cancellationToken), new ListFilter<DeliveryState> { States = [DeliveryState.Pending], Take = 1 }, d => d.CreatedAt).ConfigureAwait(false);
        events.Status.Sampled(new QueueSnapshot(now, outbox, Age(now, oldestOutbox), deliveries, Age(now, oldestDelivery)));
        return 1;
    }

    private static TimeSpan Age(DateTimeOffset now, DateTimeOffset? oldest) => oldest is { } at && at < now ? now - at : TimeSpan.Zero;

    // Lists are newest first: the oldest waiting item is the last of the filter's matches.
    private static async Task<(int Count, DateTimeOffset? Oldest)> OldestAsync<TState, TItem>(
        Func<ListFilter<TState>, Task<Page<TItem>>> list, ListFilter<TState> filter, Func<TItem, DateTimeOffset> created)
        where TState : struct, Enum
    {
        var first = await list(filter).ConfigureAwait(false);
        if (first.Total == 0)
        {
            return (0, null);
        }

        var last = first.Total == 1 ? first : await list(filter with { Skip = first.Total - 1 }).ConfigureAwait(false);
        return (first.Total, last.Items.Count > 0 ? created(last.Items[0]) : null);
    }
}
