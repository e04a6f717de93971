namespace Itk3.Gateway.Inbound;

/// <summary>Markers the gateway keeps in <see cref="InboundMessage.Detail"/> for accepted messages.</summary>
public static class InboundDetails
{
    /// <summary>The sender asked for a business response; the application's outcome is awaited.</summary>
    public const string AwaitingOutcome = "awaiting-business-outcome";

    /// <summary>The prefix of a reported business outcome (followed by its code).</summary>
    public const string OutcomePrefix = "business-outcome:";
}
