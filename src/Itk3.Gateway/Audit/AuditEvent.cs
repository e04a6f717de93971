namespace Itk3.Gateway.Audit;

/// <summary>One recorded operator action or payload view: who (the API key's name), when, what, on which item.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it: the name of the API key used.</param>
/// <param name="Action">What was done.</param>
/// <param name="Subject">What kind of item it was done to.</param>
/// <param name="SubjectId">The item's id (delivery id, outbox item id, MESH message id or transaction id).</param>
public sealed record AuditEvent(DateTimeOffset At, string Actor, AuditAction Action, AuditSubject Subject, string SubjectId)
{
    /// <summary>The transaction the item belongs to, when any (the event then shows on its timeline).</summary>
    public string? TransactionId { get; init; }

    /// <summary>The received message the item belongs to, when any (the event then shows in its history).</summary>
    public string? InboundMeshMessageId { get; init; }

    /// <summary>The operator's note (resolve) or the outcome code; never payload content.</summary>
    public string? Note { get; init; }
}
