using System.Diagnostics;
using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Application;

/// <summary>The node's <see cref="IGatewayApplication"/>: submissions, business outcomes, payloads, the pull API and health.</summary>
internal sealed class GatewayApplication(GatewayNodeServices services, NodeSignals signals) : IGatewayApplication
{
    private readonly Submitter _submitter = new(services, signals);
    private readonly OutcomeRecorder _outcomes = new(services, signals.Reads, signals.Events.Metrics.ActivitySource);
    private readonly OperatorActions _operator = new(services, signals);

    /// <inheritdoc />
    public Task<SubmitResult> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken) =>
        _submitter.SubmitAsync(request, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IDisposable> ReserveBytesAsync(long bytes, CancellationToken cancellationToken) =>
        services.BytesInFlight.AcquireAsync(bytes, cancellationToken);

    /// <inheritdoc />
    public async Task<OutcomeResult> ReportOutcomeAsync(OutcomeReport report, CancellationToken cancellationToken)
    {
        var result = await _outcomes.RecordAsync(report, cancellationToken).ConfigureAwait(false);
        if (result == OutcomeResult.Accepted)
        {
            signals.Outbox.Set();
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<ReceivedPayload?> GetPayloadAsync(string meshMessageId, CancellationToken cancellationToken)
    {
        var message = await services.Queries.GetInboundAsync(meshMessageId, cancellationToken).ConfigureAwait(false);
        var content = message is null ? null : await services.Queries.GetInboundContentAsync(meshMessageId, cancellationToken).ConfigureAwait(false);
        return message is null || content is null ? null : new ReceivedPayload(message, content);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PulledDelivery>> ClaimDeliveriesAsync(string claimant, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        var lease = new LeaseRequest(services.Clock.GetUtcNow(), services.Lease, claimant, Math.Clamp(maxItems, 1, 500)) { MaxBytes = services.BytesInFlight.Capacity };
        var items = await work.Deliveries.ClaimAsync(lease, cancellationToken).ConfigureAwait(false);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            TracePulled(item);
        }

        return [.. items.Select(i => new PulledDelivery(i.Id, i.IdempotencyKey, i.InboundMeshMessageId, i.Flow, i.Content))];
    }

    /// <summary>A pulled delivery's <c>itk3.deliver</c> span: in the receive's trace, linked to the pull request's span.</summary>
    private void TracePulled(DeliveryItem item)
    {
        var pull = Activity.Current;
        var span = signals.Events.Metrics.ActivitySource.StartContinuing("itk3.deliver", ActivityKind.Internal, item.TraceParent, item.TraceState);
        span?.SetTag(NodeTracing.MeshMessageId, item.InboundMeshMessageId).SetTag(NodeTracing.Flow, item.Flow).SetTag("itk3.attempt", item.Attempts).SetTag("itk3.delivery_mode", "pull");
        if (pull is not null)
        {
            span?.AddLink(new ActivityLink(pull.Context));
        }

        span?.Dispose();
        Activity.Current = pull;
    }

    /// <inheritdoc />
    public async Task<bool> AckDeliveryAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (await work.Deliveries.GetAsync(deliveryId, cancellationToken).ConfigureAwait(false) is not { State: DeliveryState.Pending } item)
        {
            return false;
        }

        await DeliveryWorker.MarkDeliveredAsync(work, item, services.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        signals.Events.Delivered(item.InboundMeshMessageId, item.Flow, item.Id);
        return true;
    }

    /// <inheritdoc />
    public async Task<GatewayHealth> GetHealthAsync(CancellationToken cancellationToken)
    {
        // Recorded state only (the loops' last MESH call, the periodic handshake): a probe never calls MESH.
        var status = signals.Events.Status;
        var mesh = status.Mesh;
        GatewayHealth health;
        try
        {
            var q = services.Queries;
            var outbox = await q.ListOutboxAsync(new ListFilter<Outbox.OutboxState> { States = [Outbox.OutboxState.Pending], Take = 1 }, cancellationToken).ConfigureAwait(false);
            var deliveries = await q.ListDeliveriesAsync(new ListFilter<DeliveryState> { States = [DeliveryState.Pending], Take = 1 }, cancellationToken).ConfigureAwait(false);
            var counts = await q.CountTransactionsByStateAsync(cancellationToken).ConfigureAwait(false);
            var attention = await q.ListTransactionsAsync(new ListFilter<TransactionState> { NeedsAttention = true, Take = 1 }, cancellationToken).ConfigureAwait(false);
            var inbound = await q.ListInboundAsync(new ListFilter<InboundState> { NeedsAttention = true, Take = 1 }, cancellationToken).ConfigureAwait(false);
            var waitingOutbox = await q.ListOutboxAsync(new ListFilter<Outbox.OutboxState> { NeedsAttention = true, Take = 1 }, cancellationToken).ConfigureAwait(false);
            var waitingDeliveries = await q.ListDeliveriesAsync(new ListFilter<DeliveryState> { NeedsAttention = true, Take = 1 }, cancellationToken).ConfigureAwait(false);
            var open = counts.Where(c => !c.Key.IsTerminal()).Sum(c => c.Value);
            var needing = attention.Total + inbound.Total + waitingOutbox.Total + waitingDeliveries.Total + signals.Downloads.Count;
            health = new GatewayHealth(status.StoreError is null, mesh.IsReachable, outbox.Total, deliveries.Total, open, needing)
            {
                WaitingOutbox = waitingOutbox.Total,
                WaitingDeliveries = waitingDeliveries.Total,
                FailingDownloads = signals.Downloads.Count,
                StoreWriteError = services.Store.LastWriteError,
            };
        }
        catch (GatewayStoreException e)
        {
            health = new GatewayHealth(false, mesh.IsReachable, 0, 0, 0, 0) { StoreWriteError = e.Error, FailingDownloads = signals.Downloads.Count };
        }

        return health with
        {
            MeshLastSuccessAt = mesh.LastSuccessAt,
            MeshFailingSince = mesh.FailingSince,
            MeshLastHandshakeAt = mesh.LastHandshakeAt,
            CertificateExpiresAt = status.CertificateExpiresAt,
            OldestOutboxAge = status.Queues.OldestOutbox,
            OldestDeliveryAge = status.Queues.OldestDelivery,
            FreeDiskBytes = FreeDisk(services.Options.DataDirectory),
        };
    }

    /// <inheritdoc />
    public Task<OperatorActionResult> RequeueAsync(QueueKind queue, string id, OperatorAction action, CancellationToken cancellationToken) =>
        _operator.RequeueAsync(queue, id, action, cancellationToken);

    /// <inheritdoc />
    public Task<OperatorActionResult> ResolveAsync(QueueKind queue, string id, OperatorAction action, CancellationToken cancellationToken) =>
        _operator.ResolveAsync(queue, id, action, cancellationToken);

    /// <inheritdoc />
    public Task<OperatorActionResult> ResolveAttentionAsync(AuditSubject subject, string id, OperatorAction action, CancellationToken cancellationToken) =>
        _operator.ResolveAttentionAsync(subject, id, action, cancellationToken);

    /// <inheritdoc />
    public async Task RecordPayloadViewAsync(AuditSubject subject, string id, string actor, CancellationToken cancellationToken)
    {
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        var entry = new AuditEvent(services.Clock.GetUtcNow(), actor, AuditAction.PayloadViewed, subject, id);
        await work.Audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static long? FreeDisk(string folder)
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
