using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Correlation;

/// <summary>
/// Computes a transaction's state from what was sent, the responses received and the time now. A transaction fails on a
/// negative or missing infrastructure response, a fatal negative business response, or a missing business response.
/// </summary>
public static class TransactionEvaluator
{
    /// <summary>The status at <paramref name="now"/>.</summary>
    public static TransactionStatus Evaluate(SentMessage sent, IReadOnlyList<ReceivedResponse> responses, DateTimeOffset now, CorrelationOptions options)
    {
        var infra = responses.FirstOrDefault(r => r.Level == ResponseLevel.Infrastructure);
        var business = responses.FirstOrDefault(r => r.Level == ResponseLevel.Business);
        if (infra is { IsPositive: false })
        {
            return Failed(TransactionFailure.NegativeInfrastructure, infra, business);
        }

        if (business is { IsPositive: false } && (business.Known?.Severity ?? Fhir.Issues.IssueSeverity.Fatal) == Fhir.Issues.IssueSeverity.Fatal)
        {
            return Failed(TransactionFailure.NegativeBusiness, infra, business);
        }

        if (sent.InfAckRequested && infra is null)
        {
            var deadline = sent.SentAt + options.InfrastructureTimeout;
            return now >= deadline
                ? Failed(TransactionFailure.MissingInfrastructure, infra, business)
                : new TransactionStatus(TransactionState.AwaitingInfrastructure, TransactionFailure.None, null, business?.Code, deadline);
        }

        if (sent.BusAckRequested && business is null)
        {
            var deadline = (infra?.ReceivedAt ?? sent.SentAt) + options.BusinessTimeout;
            return now >= deadline
                ? Failed(TransactionFailure.MissingBusiness, infra, business)
                : new TransactionStatus(TransactionState.AwaitingBusiness, TransactionFailure.None, infra?.Code, null, deadline);
        }

        return new TransactionStatus(TransactionState.Completed, TransactionFailure.None, infra?.Code, business?.Code, null);
    }

    private static TransactionStatus Failed(TransactionFailure failure, ReceivedResponse? infra, ReceivedResponse? business) =>
        new(TransactionState.Failed, failure, infra?.Code, business?.Code, null);
}
