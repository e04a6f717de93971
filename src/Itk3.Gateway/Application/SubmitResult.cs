namespace Itk3.Gateway.Application;

/// <summary>The answer to a submission: a transaction id, or an error with a stable code.</summary>
/// <param name="TransactionId">The new transaction's id; null when refused.</param>
/// <param name="Error">Why it was refused; null when accepted.</param>
public sealed record SubmitResult(string? TransactionId, GatewayError? Error)
{
    /// <summary>For an accepted payload of a flow that validates: the warnings and "not checked" information of profile validation (they never refuse).</summary>
    public IReadOnlyList<Itk3.Fhir.Profiles.ProfileIssue> Findings { get; init; } = [];

    /// <summary>Whether the payload was accepted and queued.</summary>
    public bool IsAccepted => TransactionId is not null;

    /// <summary>An accepted submission.</summary>
    public static SubmitResult Accepted(string transactionId) => new(transactionId, null);

    /// <summary>A refused submission.</summary>
    public static SubmitResult Refused(string code, string detail) => new(null, new GatewayError(code, detail));
}
