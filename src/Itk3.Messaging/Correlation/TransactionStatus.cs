using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Correlation;

/// <summary>A transaction's state, why it failed, the codes received, and the next deadline when still waiting.</summary>
public sealed record TransactionStatus(
    TransactionState State,
    TransactionFailure Failure,
    string? InfrastructureCode,
    string? BusinessCode,
    DateTimeOffset? Deadline)
{
    /// <summary>True when a business response arrived that is negative but not a failure (e.g. 30007 referral escalated; §19 item 6).</summary>
    public bool HasAdverseBusinessOutcome => BusinessCode is { } code && ResponseCodes.TryGet(code, out var known) && known.IsNegative && State == TransactionState.Completed;
}
