using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Responses;

namespace Itk3.Messaging.Tests.Support;

/// <summary>Our own fixtures (never copies of NHS files): a small discharge document and standard drafts.</summary>
internal static class Fixtures
{
    public const string DischargeDefinition = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4";

    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    public static ManualTimeProvider Clock() => new(Now);

    public static ItkMessageBuilder Builder(int seed = 1) => new(Clock(), new SequentialIdGenerator(seed));

    public static ResponseFactory ResponseFactory(int seed = 1000) =>
        new(Clock(), new SequentialIdGenerator(seed), new Responder(Participant.Organization("RR8"), "GPMAILBOX01"));

    public static ElementNode P(string name, string value) => new(name, value);

    public static ElementNode N(string name, params ElementNode[] children) => new(name, null, children);

    public static ElementNode R(string type, params ElementNode[] children) => new(type, null, children, type);

    public static ElementNode DocumentBundle(string id = "doc-1", params ElementNode[] extraEntries) =>
        R("Bundle",
            [P("id", id),
            N("meta", P("profile", ItkUrls.DocumentBundle)),
            N("identifier", P("system", ItkUrls.UuidSystem), P("value", "5a1c7f39-0d2e-4b8a-9c1f-2b3d4e5f6a7b")),
            P("type", "document"),
            N("entry", P("fullUrl", "urn:uuid:comp-1"), R("Composition",
                P("id", "comp-1"), P("status", "final"),
                N("type", N("coding", P("system", "http://snomed.info/sct"), P("code", "373942005"), P("display", "Discharge summary"))),
                N("subject", P("reference", "urn:uuid:pat-1")), P("date", "2026-01-02T03:00:00+00:00"),
                N("author", P("reference", "urn:uuid:org-1")), P("title", "Discharge summary")).WithName("resource")),
            N("entry", P("fullUrl", "urn:uuid:pat-1"), R("Patient", P("id", "pat-1")).WithName("resource")),
            N("entry", P("fullUrl", "urn:uuid:org-1"), R("Organization", P("id", "org-1")).WithName("resource")),
            .. extraEntries]);

    public static HandlingSpecification Handling(bool inf = true, bool bus = true) => new()
    {
        InfAckRequested = inf,
        BusAckRequested = bus,
        RecipientType = RecipientTypes.ForAction,
        MessageDefinition = DischargeDefinition,
        SenderReference = "ref-123",
    };

    public static MessageDraft Draft(bool inf = true, bool bus = true, Participant? receiver = null) => new()
    {
        Event = MessageEvents.EDischarge,
        Handling = Handling(inf, bus),
        Sender = Participant.Organization("RX1"),
        Receiver = receiver,
        SourceEndpoint = "SENDERBOX01",
        Payload = ItkPayload.Document(DocumentBundle()),
    };
}
