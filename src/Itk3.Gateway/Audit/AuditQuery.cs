namespace Itk3.Gateway.Audit;

/// <summary>Which audit events to read: those of one transaction, of one received message, or the latest; newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Only events on this transaction, when set.</summary>
    public string? TransactionId { get; init; }

    /// <summary>Only events on this received message (or its deliveries and responses), when set.</summary>
    public string? InboundMeshMessageId { get; init; }

    /// <summary>How many events at most (1 to 1000).</summary>
    public int Take { get; init; } = 100;
}
