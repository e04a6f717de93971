namespace Itk3.Messaging.Responses;

/// <summary>The responses to send, in order, and what happens next.</summary>
public sealed record ResponsePlan(IReadOnlyList<PlannedResponse> Responses, bool ProcessingEnds, bool AwaitingBusinessOutcome)
{
    /// <summary>The pattern the received flags select (for logs and the UI).</summary>
    public ResponsePattern Pattern { get; init; }
}
