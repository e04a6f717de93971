namespace Itk3.Gateway.Outbox;

/// <summary>A MESH send queued in the same unit of work as the state change that caused it.</summary>
/// <param name="Id">The item id (given by the caller).</param>
/// <param name="RecipientMailbox">The MESH mailbox to send to.</param>
/// <param name="WorkflowId">The MESH workflow id.</param>
/// <param name="Content">The bytes to send.</param>
/// <param name="CreatedAt">When it was queued; also when it is first due unless <see cref="NextAttemptAt"/> says otherwise.</param>
public sealed record OutboxItem(
    string Id,
    string RecipientMailbox,
    string WorkflowId,
    ReadOnlyMemory<byte> Content,
    DateTimeOffset CreatedAt)
{
    /// <summary>The MESH subject, if any.</summary>
    public string? Subject { get; init; }

    /// <summary>The MESH local id, if any.</summary>
    public string? LocalId { get; init; }

    /// <summary>The outbound transaction it sends or belongs to, if any.</summary>
    public string? TransactionId { get; init; }

    /// <summary>The received message it answers (a response), if any.</summary>
    public string? InboundMeshMessageId { get; init; }

    /// <summary>The state.</summary>
    public OutboxState State { get; init; } = OutboxState.Pending;

    /// <summary>When it is next due; the creation time when null.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>How many times it was claimed for sending.</summary>
    public int Attempts { get; init; }

    /// <summary>Until when the current claim holds, if claimed.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Who claimed it last.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>The MESH message id MESH gave it, once sent.</summary>
    public string? MeshMessageId { get; init; }

    /// <summary>When it was sent, dead-lettered or last failed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The last failure reason (error code or short text); never payload content.</summary>
    public string? LastError { get; init; }

    /// <summary>When its fast retries ran out: it is still retried (at the capped backoff) but needs attention; null otherwise.</summary>
    public DateTimeOffset? WaitingSince { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the span that queued it: its send continues that trace (null: none, or written before migration 0007).</summary>
    public string? TraceParent { get; init; }

    /// <summary>The W3C <c>tracestate</c> that came with <see cref="TraceParent"/>, if any.</summary>
    public string? TraceState { get; init; }
}
