using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>One event of a transaction's timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">A short description.</param>
/// <param name="ItkCode">The ITK3 response code or MESH report code involved, if any.</param>
public sealed record TimelineEntry(DateTimeOffset At, TransactionEventKind Kind, string? Detail, string? ItkCode);
