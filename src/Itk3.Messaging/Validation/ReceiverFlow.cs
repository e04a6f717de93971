namespace Itk3.Messaging.Validation;

/// <summary>
/// One flow a receiver supports (profile v2): the event, its MessageDefinitions, the handling-key rules (10008), the
/// response pattern, the payload it requires, the payload-recipient extractor, and overrides of the profile-wide
/// attachment and sender settings. Unset overrides fall back to the profile.
/// </summary>
public sealed record ReceiverFlow
{
    /// <summary>The MessageHeader event code, e.g. ITK003D.</summary>
    public required string Event { get; init; }

    /// <summary>A name for people (logs, reports).</summary>
    public string? Name { get; init; }

    /// <summary>The MessageDefinitions of the flow (10004 unknown, 10005 other version or unsupported); empty accepts any.</summary>
    public IReadOnlyList<FlowDefinition> MessageDefinitions { get; init; } = [];

    /// <summary>InfAckRequested the payload specification requires (10008 otherwise); null: from <see cref="Pattern"/>, else not checked.</summary>
    public bool? InfAckRequested { get; init; }

    /// <summary>BusAckRequested the payload specification requires (10008 otherwise); null: from <see cref="Pattern"/>, else not checked.</summary>
    public bool? BusAckRequested { get; init; }

    /// <summary>The response pattern; null keeps the profile's response policy.</summary>
    public FlowPattern? Pattern { get; init; }

    /// <summary>What payload the flow requires.</summary>
    public PayloadRequirement Payload { get; init; } = PayloadRequirement.Any;

    /// <summary>
    /// Canonical URLs of the profiles the payload resource (e.g. the document Bundle) must meet (20009 otherwise), validated
    /// with the profile's <see cref="ReceiverProfile.ProfilePackages"/>; empty: no profile validation.
    /// </summary>
    public IReadOnlyList<string> PayloadProfiles { get; init; } = [];

    /// <summary>A replacement document must name one received here (20014 otherwise).</summary>
    public bool ReplacementRequiresOriginal { get; init; }

    /// <summary>Which recipients the payload names (20010/20011).</summary>
    public RecipientExtractorSettings Recipients { get; init; } = new();

    /// <summary>The payload recipients served for this flow; null: the profile's.</summary>
    public RecipientSettings? PayloadRecipients { get; init; }

    /// <summary>Attachment types for this flow; null: the profile's.</summary>
    public AttachmentSettings? Attachments { get; init; }

    /// <summary>Sender checks for this flow; null: the profile's.</summary>
    public SenderSettings? Senders { get; init; }

    /// <summary>True when the flow is routed by MESH GP look-up (20003/20012 never used, R42); null: the profile's sender setting.</summary>
    public bool? MeshGpLookup { get; init; }

    /// <summary>The InfAckRequested value required, from the explicit setting or the pattern.</summary>
    public bool? RequiredInfAck => InfAckRequested ?? Pattern switch
    {
        FlowPattern.FireAndForget => false,
        null => null,
        _ => true,
    };

    /// <summary>The BusAckRequested value required, from the explicit setting or the pattern.</summary>
    public bool? RequiredBusAck => BusAckRequested ?? Pattern switch
    {
        FlowPattern.FullAcknowledgement or FlowPattern.TechnicalAndBusiness => true,
        null => null,
        _ => false,
    };
}
