using System.Diagnostics;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tracking;
using Itk3.Gateway.Transactions;
using Itk3.Gateway.Transport;

namespace Itk3.Gateway.Outbound;

/// <summary>Sends due outbox items over the transport: claim (lease), send, mark sent; failures back off with jitter, MESH outages never dead-letter.</summary>
internal sealed class OutboxDispatcher(GatewayNodeServices services, NodeSignals signals)
{
    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var sent = await LoopGuard.RunAsync(() => RunOnceAsync(cancellationToken), services, signals.Events, "outbox", cancellationToken).ConfigureAwait(false);
            if (sent == 0)
            {
                await signals.Outbox.WaitAsync(services.IdleInterval, services.Clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many items were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxItem> items;
        await using (var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            var lease = new LeaseRequest(services.Clock.GetUtcNow(), services.Lease, services.InstanceId, services.Concurrency * 8) { MaxBytes = services.BytesInFlight.Capacity, WithoutContent = true };
            items = await work.Outbox.ClaimAsync(lease, cancellationToken).ConfigureAwait(false);
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (items.Count == 0)
        {
            return 0;
        }

        services.Crashes.Reached(CrashPoint.AfterClaimBeforeSend);
        var sent = new System.Collections.Concurrent.ConcurrentBag<(OutboxItem Item, string MeshMessageId)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = services.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(items, options, async (item, ct) =>
        {
            if (await SendOneAsync(item, ct).ConfigureAwait(false) is { } meshMessageId)
            {
                sent.Add((item, meshMessageId));
            }
        }).ConfigureAwait(false);
        if (!sent.IsEmpty)
        {
            services.Crashes.Reached(CrashPoint.AfterSendBeforeMarkSent);
            // What MESH accepted is recorded even when the node is stopping: a stop must not cause a second send.
            await MarkSentAsync(sent, CancellationToken.None).ConfigureAwait(false);
        }

        return items.Count;
    }

    private async Task<string?> SendOneAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        string meshMessageId;
        // The submit's (or the response's) trace, read from the row: it survives restarts and other instances claiming the item.
        using var span = signals.Events.Metrics.ActivitySource.StartContinuing("itk3.send", ActivityKind.Producer, item.TraceParent, item.TraceState);
        span?.SetTag(NodeTracing.TransactionId, item.TransactionId).SetTag(NodeTracing.Flow, item.WorkflowId).SetTag("itk3.attempt", item.Attempts);
        if (item.InboundMeshMessageId is not null)
        {
            // A queued response: its subject ends with its ITK code.
            span?.SetTag(NodeTracing.ItkCode, item.Subject?.Split(' ')[^1]);
        }

        try
        {
            var earlier = item.Attempts > 1 && item.LocalId is { } localId
                ? await services.Transport.FindSentAsync(localId, cancellationToken).ConfigureAwait(false)
                : null;
            meshMessageId = earlier ?? await SendStoredAsync(item, cancellationToken).ConfigureAwait(false);
            signals.Events.MeshSucceeded();
        }
        catch (TransportException e)
        {
            if (e.IsTransient)
            {
                signals.Events.MeshFailed("send", e.Code);
            }

            span.Failed(e.Code);
            await FailAsync(item, e.Code, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not (OperationCanceledException or SimulatedCrashException or GatewayStoreException))
        {
            // A poison item (for example a header MESH cannot carry) fails alone: its batch-mates are still sent and marked.
            span.Failed(e.GetType().Name);
            await FailAsync(item, "send-error", cancellationToken).ConfigureAwait(false);
            return null;
        }

        span?.SetTag(NodeTracing.MeshMessageId, meshMessageId);
        return meshMessageId;
    }

    /// <summary>Sends the item's content as the store streams it (claims leave it out), or as claimed when the store loaded it.</summary>
    private async Task<string> SendStoredAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        await using var stored = item.Content.IsEmpty
            ? await services.Queries.OpenOutboxContentAsync(item.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"outbox item {item.Id} has no content in the store")
            : null;
        var first = stored is null ? (item.Content.IsEmpty ? -1 : item.Content.Span[0]) : stored.ReadByte();
        stored?.Seek(0, SeekOrigin.Begin);
        var envelope = new OutgoingEnvelope(item.RecipientMailbox, item.WorkflowId, item.Content)
        {
            LocalId = item.LocalId,
            Subject = item.Subject,
            ContentType = first == '<' ? "application/fhir+xml" : "application/fhir+json",
            ContentStream = stored,
        };
        return await services.Transport.SendAsync(envelope, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a batch of sends in one unit of work, taking their transactions' rows in id order (as every multi-row unit of work
    /// does), so it never deadlocks with another instance's; a lost conflict is run again, since MESH already has the messages.</summary>
    private async Task MarkSentAsync(IEnumerable<(OutboxItem Item, string MeshMessageId)> sent, CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow();
        var ordered = sent.OrderBy(s => s.Item.TransactionId, StringComparer.Ordinal).ThenBy(s => s.Item.Id, StringComparer.Ordinal).ToList();
        await ConflictRetry.RunAsync(
            async () =>
            {
                await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (item, meshMessageId) in ordered)
                {
                    await MarkSentAsync(work, item, meshMessageId, now, cancellationToken).ConfigureAwait(false);
                }

                await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            },
            signals.Events,
            "outbox").ConfigureAwait(false);
    }

    private async Task MarkSentAsync(IGatewayUnitOfWork work, OutboxItem item, string meshMessageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await work.Outbox.MarkSentAsync(item.Id, meshMessageId, now, cancellationToken).ConfigureAwait(false);
        if (item.TransactionId is { } id && await work.Transactions.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } transaction)
        {
            if (item.LocalId == transaction.MessageHeaderId)
            {
                var flow = services.Options.FindFlow(transaction.Flow);
                var sent = TransactionProgress.Sent(transaction, flow, meshMessageId, now);
                await work.Transactions.UpdateAsync(sent, cancellationToken).ConfigureAwait(false);
                await work.Transactions.AppendEventAsync(new TransactionEvent(id, now, TransactionEventKind.Sent, $"MESH message {meshMessageId}"), cancellationToken).ConfigureAwait(false);
                signals.Events.Sent(id, item.WorkflowId, meshMessageId, null);
                if (sent.State == TransactionState.Complete)
                {
                    signals.Events.Finished(sent, now);
                    await work.Transactions.AppendEventAsync(new TransactionEvent(id, now, TransactionEventKind.Completed, "no response requested"), cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await work.Transactions.AppendEventAsync(new TransactionEvent(id, now, TransactionEventKind.ResponseSent, $"MESH message {meshMessageId}", item.Subject?.Split(' ')[^1]), cancellationToken).ConfigureAwait(false);
                signals.Events.Sent(id, item.WorkflowId, meshMessageId, item.Subject?.Split(' ')[^1]);
            }
        }
        else
        {
            signals.Events.Sent(null, item.WorkflowId, meshMessageId, item.Subject?.Split(' ')[^1]);
        }
    }

    private async Task FailAsync(OutboxItem item, string code, CancellationToken cancellationToken)
    {
        // Never given up: after its fast retries the item is flagged waiting (needs attention) and retried at the capped delay.
        var now = services.Clock.GetUtcNow();
        var waiting = services.Retry.IsWaiting(item.Attempts) && item.WaitingSince is null;
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        await work.Outbox.MarkFailedAsync(item.Id, code, now + services.Retry.DelayAfter(item.Attempts), now, cancellationToken).ConfigureAwait(false);
        if (waiting)
        {
            await work.Outbox.MarkWaitingAsync(item.Id, now, cancellationToken).ConfigureAwait(false);
        }

        // The timeline records the fast retries and the switch to waiting, not every later attempt.
        if (item.Attempts <= services.Retry.FastAttempts && item.TransactionId is { } id
            && await work.Transactions.GetAsync(id, cancellationToken).ConfigureAwait(false) is not null)
        {
            await work.Transactions.AppendEventAsync(new TransactionEvent(id, now, TransactionEventKind.SendFailed, $"attempt {item.Attempts}", code), cancellationToken).ConfigureAwait(false);
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        signals.Events.SendFailed(item.Id, item.WorkflowId, item.Attempts, code, item.TransactionId, deadLettered: false);
    }
}
