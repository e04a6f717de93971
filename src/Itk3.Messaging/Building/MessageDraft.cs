using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Building;

/// <summary>Everything a sender decides about one ITK3 payload message.</summary>
public sealed record MessageDraft
{
    /// <summary>The message event (ITK-MessageEvent-2).</summary>
    public required MessageEvent Event { get; init; }

    /// <summary>The handling specification keys.</summary>
    public required HandlingSpecification Handling { get; init; }

    /// <summary>The sending organisation or practitioner.</summary>
    public required Participant Sender { get; init; }

    /// <summary>The intended recipient for local routing; usually absent with MESH routing.</summary>
    public Participant? Receiver { get; init; }

    /// <summary>The sender's MESH mailbox id (<c>source.endpoint</c>).</summary>
    public required string SourceEndpoint { get; init; }

    /// <summary>The payload.</summary>
    public required ItkPayload Payload { get; init; }
}
