using System.Text.Json;
using System.Text.Json.Serialization;

namespace Itk3.Messaging.Validation;

/// <summary>
/// What one receiver supports and checks. Loaded from JSON (see <c>samples/receiver-profile.json</c>); every
/// section has defaults, so <c>{}</c> is a permissive profile with duplicate checks and a 5 MB limit.
/// </summary>
public sealed record ReceiverProfile
{
    /// <summary>The ITK3 recommended maximum message size: 5 MB.</summary>
    public const long RecommendedMaxBytes = 5L * 1024 * 1024;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    /// <summary>A permissive profile: any recipient, definition and sender; duplicate checks on; 5 MB limit.</summary>
    public static ReceiverProfile Permissive { get; } = new();

    /// <summary>Header recipients this endpoint serves (20001/20002); empty lists accept anyone.</summary>
    public RecipientSettings Recipients { get; init; } = new();

    /// <summary>Recipients this endpoint serves when named in the payload (20010/20011); empty lists accept anyone.</summary>
    public RecipientSettings PayloadRecipients { get; init; } = new();

    /// <summary>Supported MessageDefinition URLs (10004/10005); empty accepts any. Responses are always accepted.</summary>
    public IReadOnlyList<string> MessageDefinitions { get; init; } = [];

    /// <summary>Supported event codes (10004 when not listed); empty accepts any.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>Attachment types approved for the domain (20004) and supported here (20005).</summary>
    public AttachmentSettings Attachments { get; init; } = new();

    /// <summary>The largest message accepted (20015), in bytes.</summary>
    public long MaxMessageBytes { get; init; } = RecommendedMaxBytes;

    /// <summary>Sender recognition and allow-list (20003/20012).</summary>
    public SenderSettings Senders { get; init; } = new();

    /// <summary>Which duplicate checks run (20007/20008).</summary>
    public DuplicateSettings Duplicates { get; init; } = new();

    /// <summary>Payload-specification rules on handling keys (10008), e.g. "InfAckRequested must be true".</summary>
    public IReadOnlyList<FlowRule> FlowRules { get; init; } = [];

    /// <summary>Check header Organization/Practitioner against their profiles (e.g. Organization.name 0..0); real senders often add names.</summary>
    public bool StrictHeaderParticipants { get; init; } = true;

    /// <summary>Which responses to send in the cases the specification leaves open (§19).</summary>
    public ResponsePolicy Responses { get; init; } = new();

    /// <summary>Reads a profile from JSON text; throws <see cref="JsonException"/> with the position of a bad member.</summary>
    public static ReceiverProfile FromJson(string json) =>
        JsonSerializer.Deserialize<ReceiverProfile>(json, JsonOptions) ?? throw new JsonException("The profile is null.");

    /// <summary>The profile as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
