using System.Text.Json;
using System.Text.Json.Serialization;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation;

/// <summary>
/// What one receiver supports and checks. Loaded from JSON (see <c>samples/receiver-profile.json</c>); every
/// section has defaults, so <c>{}</c> is a permissive profile with duplicate checks and a 5 MB limit. Version 2 adds
/// <see cref="Flows"/> (the unit of configuration) and the programme version; a version 1 profile (no flows) reads as before.
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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>A permissive profile: any recipient, definition and sender; duplicate checks on; 5 MB limit.</summary>
    public static ReceiverProfile Permissive { get; } = new();

    /// <summary>The profile format: 1 (profile-wide lists) or 2 (flows); informative, both read the same way.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The ITK3 programme version whose response codes apply: <c>2.10</c> (default) or <c>2.9</c>.</summary>
    public string Programme { get; init; } = "2.10";

    /// <summary>The flows supported (v2). When any is given, an event without a flow is not supported (10004).</summary>
    public IReadOnlyList<ReceiverFlow> Flows { get; init; } = [];

    /// <summary>A folder of FHIR MessageDefinition resources (XML or JSON) whose url, version, event and status extend the flows; relative to the profile file.</summary>
    public string? MessageDefinitionFolder { get; init; }

    /// <summary>Folders or files of StructureDefinitions, ValueSets and CodeSystems for the flows' payload profiles; relative to the profile file.</summary>
    public IReadOnlyList<string> ProfilePackages { get; init; } = [];

    /// <summary>The validator over <see cref="ProfilePackages"/>, set when the profile file is loaded; null when none is configured.</summary>
    [JsonIgnore]
    public Itk3.Fhir.Profiles.Validation.ProfileValidator? PayloadValidator { get; init; }

    /// <summary>The response codes of <see cref="Programme"/>.</summary>
    [JsonIgnore]
    public ResponseCodeSet CodeSet => ResponseCodeSet.TryFor(Programme, out var set) ? set : ResponseCodeSet.Version2_10;

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
    public static ReceiverProfile FromJson(string json)
    {
        var profile = JsonSerializer.Deserialize<ReceiverProfile>(json, JsonOptions) ?? throw new JsonException("The profile is null.");
        if (!ResponseCodeSet.TryFor(profile.Programme, out _))
        {
            throw new JsonException($"programme '{profile.Programme}' is not a known ITK3 version (2.9 or 2.10).");
        }

        foreach (var flow in profile.Flows)
        {
            if (flow.Recipients.Kind is not (RecipientExtractorSettings.None or RecipientExtractorSettings.GeneralPractitioner))
            {
                throw new JsonException($"flows[{flow.Event}].recipients.kind '{flow.Recipients.Kind}' is not 'none' or 'generalPractitioner'.");
            }
        }

        return profile;
    }

    /// <summary>The flow of an event, or null (no flows configured, or the event has none).</summary>
    public ReceiverFlow? FlowFor(string? eventCode) => Flows.FirstOrDefault(f => f.Event == eventCode);

    /// <summary>The response policy for an event: the profile's, with the flow's pattern deciding Full Acknowledgement.</summary>
    public ResponsePolicy PolicyFor(string? eventCode) => FlowFor(eventCode)?.Pattern switch
    {
        FlowPattern.FullAcknowledgement => Responses with { BusinessResponseRequestsInfAck = true },
        FlowPattern.TechnicalAndBusiness => Responses with { BusinessResponseRequestsInfAck = false },
        _ => Responses,
    };

    /// <summary>The sender settings for an event (the flow's override, its GP look-up switch, else the profile's).</summary>
    public SenderSettings SendersFor(string? eventCode)
    {
        var flow = FlowFor(eventCode);
        var senders = flow?.Senders ?? Senders;
        return flow?.MeshGpLookup is { } lookup ? senders with { MeshGpLookup = lookup } : senders;
    }

    /// <summary>The profile as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
