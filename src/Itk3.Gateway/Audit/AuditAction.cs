namespace Itk3.Gateway.Audit;

/// <summary>What a person did; stored by name, so members are never renamed.</summary>
public enum AuditAction
{
    /// <summary>Put a dead-lettered or waiting item back in its queue, due now.</summary>
    Requeued,

    /// <summary>Closed an item (or a transaction's need for attention) by hand, with a note.</summary>
    Resolved,

    /// <summary>Reported a business outcome for a received message.</summary>
    OutcomeReported,

    /// <summary>Looked at a stored message's content (the access log).</summary>
    PayloadViewed,
}
