namespace Itk3.Gateway.Transactions;

/// <summary>One entry of a transaction's timeline.</summary>
/// <param name="TransactionId">The transaction it belongs to.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">A short description; never payload content.</param>
/// <param name="ItkCode">The ITK3 response code (or MESH report code) involved, if any.</param>
public sealed record TransactionEvent(
    string TransactionId,
    DateTimeOffset At,
    TransactionEventKind Kind,
    string? Detail = null,
    string? ItkCode = null);
