namespace Itk3.Gateway.Transactions;

/// <summary>A payload this gateway sends, tracked until it is complete, failed or timed out.</summary>
/// <param name="Id">The transaction id (given by the caller).</param>
/// <param name="Flow">The flow (message definition or workflow) it belongs to.</param>
/// <param name="RecipientKind">How <paramref name="Recipient"/> is addressed.</param>
/// <param name="Recipient">The recipient's address.</param>
/// <param name="MessageHeaderId">The MessageHeader id of the sent message (responses answer it).</param>
/// <param name="CreatedAt">When the transaction was created.</param>
public sealed record OutboundTransaction(
    string Id,
    string Flow,
    RecipientKind RecipientKind,
    string Recipient,
    string MessageHeaderId,
    DateTimeOffset CreatedAt)
{
    /// <summary>The message Bundle's resource id, when it has one.</summary>
    public string? BundleId { get; init; }

    /// <summary>The message Bundle's identifier.</summary>
    public string? BundleIdentifier { get; init; }

    /// <summary>The MESH local id sent with it (correlates MESH reports).</summary>
    public string? LocalId { get; init; }

    /// <summary>The MESH message id, set once MESH accepted the send (stored upper-case).</summary>
    public string? MeshMessageId { get; init; }

    /// <summary>The current state.</summary>
    public TransactionState State { get; init; } = TransactionState.Queued;

    /// <summary>When the infrastructure response is due; null when none is awaited.</summary>
    public DateTimeOffset? InfrastructureDueAt { get; init; }

    /// <summary>When the business response is due; null when none is awaited.</summary>
    public DateTimeOffset? BusinessDueAt { get; init; }

    /// <summary>Why it failed: an ITK3 response code or a MESH report code.</summary>
    public string? FailureCode { get; init; }

    /// <summary>A short description of the failure; never payload content.</summary>
    public string? FailureDetail { get; init; }

    /// <summary>When the record last changed; the creation time when null.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The SHA-256 (hex) of the submission that created it: a reused transaction id with another request is refused.</summary>
    public string? RequestHash { get; init; }
}
