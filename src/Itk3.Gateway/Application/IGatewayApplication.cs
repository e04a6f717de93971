using Itk3.Gateway.Audit;

namespace Itk3.Gateway.Application;

/// <summary>What the local application (HTTP API, CLI, drop folder) asks of a running gateway node; the read side is <see cref="Store.IGatewayQueries"/>.</summary>
public interface IGatewayApplication
{
    /// <summary>Builds the ITK3 message for a payload, stores it with its transaction and queues it for MESH; returns the transaction id or a typed error.</summary>
    Task<SubmitResult> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken);

    /// <summary>Waits for room for <paramref name="bytes"/> of payload in the node's byte budget and holds it until disposed, so a caller can
    /// read a large payload only when there is room for it; submit it with <see cref="SubmitRequest.BytesReserved"/> set.</summary>
    ValueTask<IDisposable> ReserveBytesAsync(long bytes, CancellationToken cancellationToken);

    /// <summary>Records the application's business outcome (a 3xxxx code) for a received message and queues the business response.</summary>
    Task<OutcomeResult> ReportOutcomeAsync(OutcomeReport report, CancellationToken cancellationToken);

    /// <summary>The payload of a received message (the raw ITK3 message bytes), or null when unknown.</summary>
    Task<ReceivedPayload?> GetPayloadAsync(string meshMessageId, CancellationToken cancellationToken);

    /// <summary>Pull API: claims up to <paramref name="maxItems"/> pending deliveries for <paramref name="claimant"/> (leased; unacknowledged ones come back after the lease).</summary>
    Task<IReadOnlyList<PulledDelivery>> ClaimDeliveriesAsync(string claimant, int maxItems, CancellationToken cancellationToken);

    /// <summary>Pull API: confirms a claimed delivery was taken; false when it is unknown or already acknowledged.</summary>
    Task<bool> AckDeliveryAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Whether the store and MESH are reachable, and how much work is waiting.</summary>
    Task<GatewayHealth> GetHealthAsync(CancellationToken cancellationToken);

    /// <summary>Operator: puts a dead-lettered or waiting delivery or outbox item back in its queue, due now; recorded with <see cref="OperatorAction.Actor"/>.</summary>
    Task<OperatorActionResult> RequeueAsync(QueueKind queue, string id, OperatorAction action, CancellationToken cancellationToken);

    /// <summary>Operator: closes a dead-lettered or waiting delivery or outbox item for good, with a note; recorded with <see cref="OperatorAction.Actor"/>.</summary>
    Task<OperatorActionResult> ResolveAsync(QueueKind queue, string id, OperatorAction action, CancellationToken cancellationToken);

    /// <summary>Operator: takes a failed or timed-out transaction, or a rejected or dead-lettered received message, off the needs-attention lists, with a note.</summary>
    Task<OperatorActionResult> ResolveAttentionAsync(AuditSubject subject, string id, OperatorAction action, CancellationToken cancellationToken);

    /// <summary>Records in the access log that <paramref name="actor"/> viewed a stored message's content.</summary>
    Task RecordPayloadViewAsync(AuditSubject subject, string id, string actor, CancellationToken cancellationToken);
}
