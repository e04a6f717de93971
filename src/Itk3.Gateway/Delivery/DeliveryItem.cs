namespace Itk3.Gateway.Delivery;

/// <summary>An accepted payload queued for the local application.</summary>
/// <param name="Id">The item id (given by the caller).</param>
/// <param name="IdempotencyKey">The key the application deduplicates on; unique across deliveries.</param>
/// <param name="Content">The bytes to deliver.</param>
/// <param name="CreatedAt">When it was queued; also when it is first due unless <see cref="NextAttemptAt"/> says otherwise.</param>
public sealed record DeliveryItem(
    string Id,
    string IdempotencyKey,
    ReadOnlyMemory<byte> Content,
    DateTimeOffset CreatedAt)
{
    /// <summary>The received message it came from, if any.</summary>
    public string? InboundMeshMessageId { get; init; }

    /// <summary>The flow it belongs to, if known.</summary>
    public string? Flow { get; init; }

    /// <summary>The state.</summary>
    public DeliveryState State { get; init; } = DeliveryState.Pending;

    /// <summary>When it is next due; the creation time when null.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>How many times it was claimed for delivery.</summary>
    public int Attempts { get; init; }

    /// <summary>Until when the current claim holds, if claimed.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Who claimed it last.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When it was delivered, dead-lettered or last failed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The last failure reason (error code or short text); never payload content.</summary>
    public string? LastError { get; init; }

    /// <summary>When its fast retries ran out: it is still retried (at the capped backoff) but needs attention; null otherwise.</summary>
    public DateTimeOffset? WaitingSince { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the span that queued it: its delivery continues that trace (null: none, or written before migration 0007).</summary>
    public string? TraceParent { get; init; }

    /// <summary>The W3C <c>tracestate</c> that came with <see cref="TraceParent"/>, if any.</summary>
    public string? TraceState { get; init; }
}
