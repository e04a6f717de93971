using System.Collections.Concurrent;
using System.Diagnostics;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Store;

namespace Itk3.Gateway.Delivery;

/// <summary>Pushes queued payloads to the application's <see cref="IDeliveryTarget"/>: claim, deliver, mark delivered; failures back off, and after the fast retries keep being retried at the capped delay (flagged waiting).</summary>
internal sealed class DeliveryWorker(GatewayNodeServices services, IDeliveryTarget target, NodeSignals signals)
{
    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var claimed = await LoopGuard.RunAsync(() => RunOnceAsync(cancellationToken), services, signals.Events, "delivery", cancellationToken).ConfigureAwait(false);
            if (claimed == 0)
            {
                await signals.Deliveries.WaitAsync(services.IdleInterval, services.Clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Delivers one batch; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DeliveryItem> items;
        await using (var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            var lease = new LeaseRequest(services.Clock.GetUtcNow(), services.Lease, services.InstanceId, services.Concurrency * 8) { MaxBytes = services.BytesInFlight.Capacity, WithoutContent = true };
            items = await work.Deliveries.ClaimAsync(lease, cancellationToken).ConfigureAwait(false);
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var delivered = new ConcurrentBag<DeliveryItem>();
        var failed = new ConcurrentBag<(DeliveryItem Item, Exception Error)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = services.Concurrency };
        await Parallel.ForEachAsync(items, options, async (item, _) =>
        {
            // The receive's trace, read from the row: it survives restarts and other instances claiming the delivery.
            using var span = signals.Events.Metrics.ActivitySource.StartContinuing("itk3.deliver", ActivityKind.Internal, item.TraceParent, item.TraceState);
            span?.SetTag(NodeTracing.MeshMessageId, item.InboundMeshMessageId).SetTag(NodeTracing.Flow, item.Flow).SetTag("itk3.attempt", item.Attempts);
            try
            {
                await DeliverAsync(item, cancellationToken).ConfigureAwait(false);
                delivered.Add(item);
            }
            catch (Exception e) when (e is not SimulatedCrashException)
            {
                span.Failed(e.GetType().Name);
                failed.Add((item, e));
            }
        }).ConfigureAwait(false);
        if (!delivered.IsEmpty)
        {
            services.Crashes.Reached(CrashPoint.AfterDeliverBeforeMarkDelivered);
        }

        // What the application took is recorded even when the node is stopping: a stop must not cause a redelivery.
        await RecordAsync(delivered, failed, CancellationToken.None).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>Delivers the payload as the store streams it (claims leave it out where the store can), or as claimed when the store loaded it.</summary>
    private async Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        if (!item.Content.IsEmpty)
        {
            await target.DeliverAsync(item, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var stored = await services.Queries.OpenDeliveryContentAsync(item.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"delivery {item.Id} has no content in the store");
        await target.DeliverAsync(item, stored, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks items delivered and moves their received messages on, in one unit of work.</summary>
    internal static async Task MarkDeliveredAsync(IGatewayUnitOfWork work, DeliveryItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await work.Deliveries.MarkDeliveredAsync(item.Id, now, cancellationToken).ConfigureAwait(false) || item.InboundMeshMessageId is not { } id)
        {
            return;
        }

        if (await work.Inbox.GetAsync(id, cancellationToken).ConfigureAwait(false) is { State: InboundState.ResponsesQueued or InboundState.Validated } message)
        {
            await work.Inbox.UpdateAsync(message with { State = InboundState.DeliveredToApplication, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a batch in one unit of work, taking the received messages' rows in id order (as every multi-row unit of work does),
    /// so it never deadlocks with another; a lost conflict is run again, since the application already has the payloads. The events
    /// are written once it committed.</summary>
    private async Task RecordAsync(IEnumerable<DeliveryItem> delivered, IEnumerable<(DeliveryItem Item, Exception Error)> failed, CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow();
        var byMessage = delivered.OrderBy(i => i.InboundMeshMessageId, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var failures = failed.OrderBy(f => f.Item.Id, StringComparer.Ordinal).ToList();
        await ConflictRetry.RunAsync(() => RecordAsync(byMessage, failures, now, cancellationToken), signals.Events, "deliveries").ConfigureAwait(false);
        foreach (var item in byMessage)
        {
            signals.Events.Delivered(item.InboundMeshMessageId, item.Flow, item.Id);
        }

        foreach (var (item, error) in failures.Where(f => StartsWaiting(f.Item)))
        {
            signals.Events.DeliveryFailed(item.Id, item.InboundMeshMessageId, item.Attempts, error.GetType().Name, deadLettered: false);
        }
    }

    /// <summary>After its fast retries a failing delivery is flagged waiting (needs attention) and retried at the cap, never abandoned.</summary>
    private bool StartsWaiting(DeliveryItem item) => item.Attempts >= services.Options.Delivery.Retry.FastAttempts && item.WaitingSince is null;

    private async Task RecordAsync(List<DeliveryItem> delivered, List<(DeliveryItem Item, Exception Error)> failed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        foreach (var item in delivered)
        {
            await MarkDeliveredAsync(work, item, now, cancellationToken).ConfigureAwait(false);
        }

        var retry = services.Options.Delivery.Retry;
        foreach (var (item, error) in failed)
        {
            var next = now + services.Retry.DelayAfter(item.Attempts, retry.BaseDelay, retry.MaxDelay);
            await work.Deliveries.MarkFailedAsync(item.Id, error.GetType().Name, next, now, cancellationToken).ConfigureAwait(false);
            if (StartsWaiting(item))
            {
                await work.Deliveries.MarkWaitingAsync(item.Id, now, cancellationToken).ConfigureAwait(false);
            }
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
