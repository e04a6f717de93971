using System.Collections.Concurrent;
using System.Diagnostics;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Transport;

namespace Itk3.Gateway.Inbound;

/// <summary>Polls the mailbox (MESH.md §10: at once again when a page was full), downloads, stores, and acknowledges to MESH only after the commit.</summary>
internal sealed class MessagePump(GatewayNodeServices services, NodeSignals signals)
{
    private const int MaxProcessingFailures = 3;
    private const int ConcurrentBatches = 2;
    private readonly InboundProcessor _processor = new(services, signals.Reads, signals.Events);
    private readonly Diagnostics.NodeEvents _events = signals.Events;
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Activity> _receiving = new(StringComparer.OrdinalIgnoreCase);
    private int _outageAttempts;

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await LoopGuard.RunAsync(() => AcknowledgeLeftoversAsync(cancellationToken), services, _events, "inbox", cancellationToken).ConfigureAwait(false);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var more = await LoopGuard.RunAsync(() => RunOnceAsync(cancellationToken), services, _events, "inbox", cancellationToken).ConfigureAwait(false);
                if (more < 0)
                {
                    await Task.Delay(services.Retry.DelayAfter(_outageAttempts), services.Clock, cancellationToken).ConfigureAwait(false);
                }
                else if (more == 0)
                {
                    await signals.Inbox.WaitAsync(services.Options.Mesh.EffectivePollInterval, services.Clock, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await ResignAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Gives the poller lease up at shutdown, so another instance polls at once; when the store is gone, the lease simply expires.</summary>
    private async Task ResignAsync()
    {
        try
        {
            await services.PollerElection.ResignAsync(services.Transport.Mailbox, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Store.GatewayStoreException)
        {
        }
    }

    /// <summary>Polls once and handles the page; 1 when a full page asks for an immediate re-poll, 0 when idle, -1 when MESH is unavailable.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // The heartbeat of this instance's poller lease: an instance that does not lead (or lost the lease while paused) does not poll.
        if (!await services.PollerElection.TryLeadAsync(services.Transport.Mailbox, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        InboxListing listing;
        try
        {
            listing = await services.Transport.ListAsync(services.Options.Mesh.PageSize, cancellationToken).ConfigureAwait(false);
            _events.MeshSucceeded();
            _outageAttempts = 0;
        }
        catch (TransportException e) when (e.IsTransient)
        {
            _events.MeshFailed("list inbox", e.Code);
            _outageAttempts++;
            return -1;
        }

        // Pages are cut into batches: each batch is downloaded and read in parallel, stored in one unit of work (one fsync for
        // all of it), then acknowledged; a few batches run at once so downloads overlap the single SQLite writer.
        var now = services.Clock.GetUtcNow();
        var due = listing.MessageIds.Where(id => signals.Downloads.IsDue(id, now)).ToList();
        var batches = due.Chunk(Math.Max(1, services.Concurrency)).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentBatches, CancellationToken = cancellationToken };
        var acknowledged = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(batches, options, async (batch, ct) =>
        {
            foreach (var id in await HandleTracedBatchAsync(batch, ct).ConfigureAwait(false))
            {
                acknowledged.Add(id);
            }
        }).ConfigureAwait(false);
        await RecordAcknowledgedAsync(acknowledged, CancellationToken.None).ConfigureAwait(false);
        return listing.MoreWaiting && due.Count > 0 ? 1 : 0;
    }

    /// <summary>Handles a batch with one <c>itk3.receive</c> span per message, open from download to acknowledgement: each starts a trace of its own.</summary>
    private async Task<List<string>> HandleTracedBatchAsync(string[] ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            if (_events.Metrics.ActivitySource.StartDetached("itk3.receive", ActivityKind.Consumer) is { } span)
            {
                _receiving[id] = span.SetTag(NodeTracing.MeshMessageId, id);
            }
        }

        try
        {
            return await HandleBatchAsync(ids, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var id in ids)
            {
                NodeTracing.StopDetached(_receiving.TryRemove(id, out var span) ? span : null);
            }
        }
    }

    private Activity? Receiving(string meshMessageId) => _receiving.GetValueOrDefault(meshMessageId);

    private async Task<List<string>> HandleBatchAsync(string[] ids, CancellationToken cancellationToken)
    {
        var downloads = await Task.WhenAll(ids.Select(id => DownloadAsync(id, cancellationToken))).ConfigureAwait(false);
        var done = downloads.Where(d => d.Acknowledged).Select(d => d.Id).ToList();
        var spooled = downloads.Where(d => d.Spooled is not null).Select(d => d.Spooled!).ToList();
        try
        {
            // Large bodies wait on disk; they are read, validated and stored a byte budget's worth at a time, so N large
            // messages never sit in memory (as bytes and as trees) together.
            foreach (var slice in BudgetSlices(spooled))
            {
                done.AddRange(await HandleSliceAsync(slice, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            foreach (var envelope in spooled)
            {
                await envelope.DisposeAsync().ConfigureAwait(false);
            }
        }

        return done;
    }

    private IEnumerable<List<SpooledEnvelope>> BudgetSlices(List<SpooledEnvelope> all)
    {
        var budget = services.BytesInFlight;
        var slice = new List<SpooledEnvelope>();
        var bytes = 0L;
        foreach (var envelope in all)
        {
            var charge = budget.Charge(envelope.Length);
            if (slice.Count > 0 && bytes + charge > budget.Capacity)
            {
                yield return slice;
                slice = [];
                bytes = 0;
            }

            slice.Add(envelope);
            bytes += charge;
        }

        if (slice.Count > 0)
        {
            yield return slice;
        }
    }

    private async Task<List<string>> HandleSliceAsync(List<SpooledEnvelope> slice, CancellationToken cancellationToken)
    {
        using var lease = await services.BytesInFlight.AcquireAsync(slice.Sum(e => services.BytesInFlight.Charge(e.Length)), cancellationToken).ConfigureAwait(false);
        var ready = (await Task.WhenAll(slice.Select(e => Task.Run(async () => _processor.Prepare(await e.LoadAsync(cancellationToken).ConfigureAwait(false), Receiving(e.MessageId)), cancellationToken)))
            .ConfigureAwait(false)).ToList();
        foreach (var _ in ready)
        {
            services.Crashes.Reached(CrashPoint.AfterDownloadBeforeCommit);
        }

        await StoreBatchAsync(ready, cancellationToken).ConfigureAwait(false);
        var acks = await Task.WhenAll(ready.Select(async p =>
        {
            using var scope = NodeTracing.Enter(p.Span);
            services.Crashes.Reached(CrashPoint.AfterCommitBeforeAcknowledge);
            return await AcknowledgeAsync(p.Envelope.MessageId, cancellationToken).ConfigureAwait(false) ? p.Envelope.MessageId : null;
        })).ConfigureAwait(false);
        return acks.OfType<string>().ToList();
    }

    private async Task StoreBatchAsync(List<PreparedMessage> ready, CancellationToken cancellationToken)
    {
        if (ready.Count == 1)
        {
            // Alone: the one-message path counts its failures towards dead-lettering.
            await StoreAsync(ready[0], cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await _processor.StoreBatchAsync(ready, cancellationToken).ConfigureAwait(false);
            foreach (var prepared in ready)
            {
                _failures.TryRemove(prepared.Envelope.MessageId, out _);
            }

            signals.Outbox.Set();
            signals.Deliveries.Set();
        }
        catch (Exception e) when (e is not (OperationCanceledException or SimulatedCrashException or Store.GatewayStoreException))
        {
            // One message spoiled the batch (nothing of it was committed): store them one by one, so only that one fails.
            foreach (var prepared in ready)
            {
                await StoreAsync(prepared, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(string Id, SpooledEnvelope? Spooled, bool Acknowledged)> DownloadAsync(string id, CancellationToken cancellationToken)
    {
        using var scope = NodeTracing.Enter(Receiving(id));
        SpooledEnvelope envelope;
        try
        {
            envelope = await services.Transport.ReceiveSpooledAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e) when (e.IsGone)
        {
            Receiving(id).Failed(e.Code);
            // MESH no longer holds it (acknowledged earlier, or expired): there is nothing to store or acknowledge.
            signals.Downloads.Forget(id);
            _events.MeshFailed("download", e.Code);
            return (id, null, false);
        }
        catch (TransportException e)
        {
            // Whatever MESH answered, the message stays there unacknowledged and is downloaded again after a backoff:
            // a download failure never loses a payload.
            signals.Downloads.Failed(id, services.Clock.GetUtcNow(), services.Retry);
            Receiving(id).Failed(e.Code);
            _events.MeshFailed("download", e.Code);
            return (id, null, false);
        }

        signals.Downloads.Forget(id);
        return (id, envelope, false);
    }

    private async Task StoreAsync(PreparedMessage prepared, CancellationToken cancellationToken)
    {
        var envelope = prepared.Envelope;
        try
        {
            await _processor.StoreAsync(prepared, cancellationToken).ConfigureAwait(false);
            _failures.TryRemove(envelope.MessageId, out _);
        }
        catch (Exception e) when (e is not (OperationCanceledException or SimulatedCrashException or Store.GatewayStoreException))
        {
            var failures = _failures.AddOrUpdate(envelope.MessageId, 1, (_, n) => n + 1);
            prepared.Span.Failed(e.GetType().Name);
            if (failures < MaxProcessingFailures)
            {
                throw;
            }

            _events.InboundDeadLettered(envelope.MessageId, $"processing failed {failures} times: {e.GetType().Name}");
            await _processor.DeadLetterAsync(envelope, $"processing failed: {e.GetType().Name}", cancellationToken).ConfigureAwait(false);
        }

        signals.Outbox.Set();
        signals.Deliveries.Set();
    }

    private async Task<bool> AcknowledgeAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await services.Transport.CompleteAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e) when (e.IsTransient)
        {
            _events.MeshFailed("acknowledge", e.Code);
            return false;
        }
        catch (TransportException)
        {
            // MESH no longer offers it (already acknowledged): record it as done.
        }

        services.Crashes.Reached(CrashPoint.AfterAcknowledgeBeforeRecord);
        return true;
    }

    private async Task RecordAcknowledgedAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        if (list.Count == 0)
        {
            return;
        }

        // The store changes the rows in id order, as every unit of work that changes several rows, so that two never wait for each
        // other's rows in a cycle.
        var now = services.Clock.GetUtcNow();
        await ConflictRetry.RunAsync(
            async () =>
            {
                await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
                await work.Inbox.MarkAllAcknowledgedAsync(list, now, cancellationToken).ConfigureAwait(false);
                await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            },
            _events,
            "inbox").ConfigureAwait(false);
    }

    private async Task<int> AcknowledgeLeftoversAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<InboundMessage> leftovers;
        await using (var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            leftovers = await work.Inbox.ListUnacknowledgedAsync(1000, cancellationToken).ConfigureAwait(false);
        }

        var done = new List<string>();
        foreach (var message in leftovers)
        {
            if (await AcknowledgeAsync(message.MeshMessageId, cancellationToken).ConfigureAwait(false))
            {
                done.Add(message.MeshMessageId);
            }
        }

        await RecordAcknowledgedAsync(done, cancellationToken).ConfigureAwait(false);
        return done.Count;
    }
}
