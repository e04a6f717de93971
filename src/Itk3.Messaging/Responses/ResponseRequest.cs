using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Responses;

/// <summary>What one ITK3 Response says: the code, the id it answers, the echoed SenderReference and its own flags.</summary>
public sealed record ResponseRequest(ResponseCode Code, string RespondsTo)
{
    /// <summary>The SenderReference of the original, echoed back (<c>None</c> when unknown).</summary>
    public string SenderReference { get; init; } = Building.HandlingSpecification.None;

    /// <summary>InfAckRequested on the response itself: true only for a business response in the Full Acknowledgement pattern.</summary>
    public bool InfAckRequested { get; init; }

    /// <summary>Error context for <c>issue.diagnostics</c>; must hold no patient-identifiable data (R15, R45).</summary>
    public string? Diagnostics { get; init; }
}
