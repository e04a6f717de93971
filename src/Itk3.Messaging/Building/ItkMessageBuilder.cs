using System.Globalization;
using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;
using static Itk3.Messaging.Building.Nodes;

namespace Itk3.Messaging.Building;

/// <summary>
/// Builds ITK3 message bundles (ITK-Message-Bundle-1 with an ITK-MessageHeader-2 first entry). Output is a pure
/// function of the draft, the clock and the id generator, so it is byte-stable when both are injected.
/// </summary>
public sealed class ItkMessageBuilder(TimeProvider clock, IIdGenerator ids)
{
    /// <summary>Builds a payload message from a draft.</summary>
    public BuiltMessage Build(MessageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var bundleId = ids.NewId();
        var identifier = ids.NewId();
        var headerId = ids.NewId();
        var now = clock.GetUtcNow();
        var sender = ParticipantResource(draft.Sender, ids.NewId());
        var receiver = draft.Receiver is null ? null : ParticipantResource(draft.Receiver, ids.NewId());
        var payload = PayloadEntries(draft.Payload);
        var header = new HeaderParts(headerId, draft.Event, draft.Handling, EntryUrl(sender), receiver is null ? null : EntryUrl(receiver), now, draft.SourceEndpoint)
        {
            Focus = payload[0].Child("fullUrl")!.Value,
        };
        var entries = new List<ElementNode> { Entry(UrnUuid(headerId), Header(header)), Entry(EntryUrl(sender), sender) };
        if (receiver is not null)
        {
            entries.Add(Entry(EntryUrl(receiver), receiver));
        }

        entries.AddRange(payload);
        return new BuiltMessage(MessageBundle(bundleId, identifier, entries), bundleId, identifier, headerId, now);
    }

    /// <summary>The instant text written for a timestamp: UTC, milliseconds, explicit offset.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);

    internal static ElementNode MessageBundle(string bundleId, string identifier, IEnumerable<ElementNode> entries) =>
        Resource("Bundle", [P("id", bundleId), Meta(ItkUrls.MessageBundle), Identifier(ItkUrls.UuidSystem, identifier), P("type", "message"), .. entries]);

    internal static ElementNode ParticipantResource(Participant participant, string id) =>
        Resource(
            participant.ResourceType,
            P("id", id),
            Meta(participant.Kind == ParticipantKind.Organization ? ItkUrls.HeaderOrganization : ItkUrls.HeaderPractitioner),
            Identifier(participant.IdentifierSystem, participant.IdentifierValue));

    internal static string EntryUrl(ElementNode resource) => UrnUuid(resource.ChildValue("id")!);

    internal static ElementNode Header(HeaderParts parts) =>
        Resource(
            "MessageHeader",
            P("id", parts.Id),
            Meta(ItkUrls.MessageHeader2),
            Handling(parts.Handling),
            Coding("event", MessageEvents.System, parts.Event.Code, parts.Event.Display),
            parts.ReceiverUrl is null ? null : Reference("receiver", parts.ReceiverUrl),
            Reference("sender", parts.SenderUrl),
            P("timestamp", FormatInstant(parts.Timestamp)),
            N("source", P("endpoint", parts.SourceEndpoint)),
            parts.Response,
            parts.Focus is null ? null : Reference("focus", parts.Focus));

    internal static ElementNode Handling(HandlingSpecification handling) =>
        N(
            "extension",
            P("url", ItkUrls.MessageHandling2),
            Key("BusAckRequested", P("valueBoolean", Bool(handling.BusAckRequested))),
            Key("InfAckRequested", P("valueBoolean", Bool(handling.InfAckRequested))),
            Key("RecipientType", Coding("valueCoding", RecipientTypes.System, handling.RecipientType.Code, handling.RecipientType.Display)),
            Key("MessageDefinition", Reference("valueReference", handling.MessageDefinition)),
            Key("SenderReference", P("valueString", handling.SenderReference)),
            Key("LocalExtension", handling.LocalExtensionValue ?? P("valueString", HandlingSpecification.None)));

    private static ElementNode Key(string url, ElementNode value) => N("extension", P("url", url), value);

    private static string Bool(bool value) => value ? "true" : "false";

    private List<ElementNode> PayloadEntries(ItkPayload payload)
    {
        var entries = new List<ElementNode>(payload.Resources.Count);
        foreach (var resource in payload.Resources)
        {
            var id = resource.ChildValue("id");
            var withId = id is null ? WithId(resource, ids.NewId()) : resource;

            // A urn:uuid fullUrl needs a UUID: payload ids that are not UUIDs keep their id and get a fresh fullUrl.
            var fullUrl = Guid.TryParseExact(withId.ChildValue("id"), "D", out _) ? EntryUrl(withId) : UrnUuid(ids.NewId());
            entries.Add(Entry(fullUrl, withId));
        }

        return entries;
    }
}
