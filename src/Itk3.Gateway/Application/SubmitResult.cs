namespace Itk3.Gateway.Application;

/// <summary>The answer to a submission: a transaction id, or an error with a stable code.</summary>
/// <param name="TransactionId">The new transaction's id; null when refused.</param>
/// <param name="Error">Why it was refused; null when accepted.</param>
public sealed record SubmitResult(string? TransactionId, GatewayError? Error)
{
    /// <summary>Whether the payload was accepted and queued.</summary>
    public bool IsAccepted => TransactionId is not null;

    /// <summary>An accepted submission.</summary>
    public static SubmitResult Accepted(string transactionId) => new(transactionId, null);

    /// <summary>A refused submission.</summary>
    public static SubmitResult Refused(string code, string detail) => new(null, new GatewayError(code, detail));
}
