namespace Itk3.Gateway.Inbound;

/// <summary>A message received from MESH: its MESH metadata, what the ITK3 layer read from it, and its handling state (the raw bytes are stored beside it).</summary>
/// <param name="MeshMessageId">The MESH message id; the inbox key (compared case-insensitively, stored upper-case).</param>
/// <param name="SenderMailbox">The MESH mailbox it came from (<c>mex-From</c>).</param>
/// <param name="RecipientMailbox">The MESH mailbox it was sent to (<c>mex-To</c>).</param>
/// <param name="WorkflowId">The MESH workflow id, when present.</param>
/// <param name="ReceivedAt">When the gateway downloaded it.</param>
public sealed record InboundMessage(
    string MeshMessageId,
    string SenderMailbox,
    string RecipientMailbox,
    string? WorkflowId,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The MESH subject, when present.</summary>
    public string? Subject { get; init; }

    /// <summary>The sender's MESH local id, when present.</summary>
    public string? LocalId { get; init; }

    /// <summary>The MESH file name, when present.</summary>
    public string? FileName { get; init; }

    /// <summary>The MESH message type (<c>DATA</c> or <c>REPORT</c>), when known.</summary>
    public string? MeshMessageType { get; init; }

    /// <summary>The MESH linked message id (a REPORT names the message it reports on), when present.</summary>
    public string? LinkedMessageId { get; init; }

    /// <summary>The handling state.</summary>
    public InboundState State { get; init; } = InboundState.Received;

    /// <summary>The ITK3 MessageHeader id, once read (the key of duplicate check 20007).</summary>
    public string? MessageHeaderId { get; init; }

    /// <summary>The message Bundle's identifier, once read.</summary>
    public string? BundleIdentifier { get; init; }

    /// <summary>The payload document's id, once read (the key of duplicate check 20008).</summary>
    public string? DocumentId { get; init; }

    /// <summary>The flow (message definition or workflow) it belongs to, once known.</summary>
    public string? Flow { get; init; }

    /// <summary>The ITK3 response code of the validation outcome (for example 20013 or 20007), once validated.</summary>
    public string? ItkCode { get; init; }

    /// <summary>A short reason for a rejection or dead letter; never payload content.</summary>
    public string? Detail { get; init; }

    /// <summary>The outbound transaction it answers, when it is a response that was correlated.</summary>
    public string? TransactionId { get; init; }

    /// <summary>When the record last changed; the received time when null.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When it was acknowledged to MESH (after the commit that stored it); null until then.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The W3C <c>traceparent</c> of its receive span: responses queued for it later (business outcomes) continue that trace (null: none, or received before migration 0007).</summary>
    public string? TraceParent { get; init; }

    /// <summary>The W3C <c>tracestate</c> that came with <see cref="TraceParent"/>, if any.</summary>
    public string? TraceState { get; init; }
}
