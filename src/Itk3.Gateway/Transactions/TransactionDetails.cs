namespace Itk3.Gateway.Transactions;

/// <summary>Everything the read side shows about one transaction.</summary>
/// <param name="Transaction">The transaction.</param>
/// <param name="Timeline">Its events, ordered by time and then by order of appending.</param>
/// <param name="Responses">The responses received, in order of receipt.</param>
/// <param name="OutboxItemIds">The outbox items linked to it (its payload first), oldest first.</param>
public sealed record TransactionDetails(
    OutboundTransaction Transaction,
    IReadOnlyList<TransactionEvent> Timeline,
    IReadOnlyList<TransactionResponse> Responses,
    IReadOnlyList<string> OutboxItemIds);
