using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>A transaction with its timeline and the responses received.</summary>
/// <param name="Transaction">The transaction.</param>
/// <param name="Timeline">Its events, oldest first.</param>
/// <param name="Responses">The ITK3 responses received, in order of receipt.</param>
public sealed record TransactionView(TransactionSummary Transaction, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<ResponseEntry> Responses)
{
    /// <summary>
    /// Only in the answer to a submission on a flow that validates: the profile validation warnings and items not
    /// checked (they do not refuse), each with its profile and element id; absent otherwise.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PayloadIssue>? Issues { get; init; }

    /// <summary>The view of stored transaction details.</summary>
    public static TransactionView From(TransactionDetails d) => new(
        TransactionSummary.From(d.Transaction),
        [.. d.Timeline.Select(e => new TimelineEntry(e.At, e.Kind, e.Detail, e.ItkCode))],
        [.. d.Responses.Select(r => new ResponseEntry(r.Level, r.Code, r.IsPositive, r.ResponseMessageHeaderId, r.ReceivedAt))]);
}
