using System.Text;
using System.Text.RegularExpressions;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;

namespace Itk3.Cli.Partner;

/// <summary>
/// The scripted messages the sending partner sends (ToC eDischarge, ITK003D): valid ones for each response pattern and
/// one for each defect a receiver must detect. Handling-key defects are made in the serialised bytes, as a broken
/// sender would write them.
/// </summary>
internal sealed partial class SenderSuite(ItkMessageBuilder builder, Participant sender, string mailbox, string gpOdsCode, DateTimeOffset date, IIdGenerator ids)
{
    /// <summary>The MessageDefinition the suite's messages reference.</summary>
    public const string Definition = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4";

    /// <summary>Every case, phase 1 first.</summary>
    public IReadOnlyList<SuiteCase> Build()
    {
        var full = Document(PartnerPatients.Registered);
        var technical = Message(Document(PartnerPatients.Registered), inf: true, bus: false, "technical");
        var cases = new List<SuiteCase>
        {
            Case("valid-full-acknowledgement", "A valid document asking for both responses", "§10.1; R38", CaseExpectation.Accepted, [ResponseCodes.Success], Message(full, true, true, "full")),
            Case("valid-technical-only", "A valid document asking for the infrastructure response only", "§10.1; R38", CaseExpectation.Accepted, [ResponseCodes.Success, ResponseCodes.HandlingBusinessRuleError], technical),
            Case("fire-and-forget", "A valid document asking for no response", "§10.1; §19 item 14", CaseExpectation.Silent, [ResponseCodes.HandlingBusinessRuleError], Message(Document(PartnerPatients.Registered), false, false, "silent")),
            Edit("inf-ack-yes", "InfAckRequested is 'yes'", "§10.3 step 3; 10002", [ResponseCodes.InfAckValueError, ResponseCodes.HandlingSpecificationError], KeyValue("InfAckRequested", "valueBoolean", "yes")),
            Edit("bus-ack-True", "BusAckRequested is 'True'", "§10.3 step 3; 10003", [ResponseCodes.BusAckValueError, ResponseCodes.HandlingSpecificationError], KeyValue("BusAckRequested", "valueBoolean", "True")),
            Edit("recipient-type-unknown", "RecipientType code is 'XX'", "§5; 10010", [ResponseCodes.RecipientTypeError, ResponseCodes.HandlingSpecificationError], x => x.Replace("<code value=\"FA\"", "<code value=\"XX\"", StringComparison.Ordinal)),
            Edit("message-definition-unknown", "MessageDefinition names a definition the receiver does not support", "§7; 10004", [ResponseCodes.MessageDefinitionError], x => x.Replace(Definition, "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-Unknown-MessageDefinition-1", StringComparison.Ordinal)),
            Edit("message-definition-version", "MessageDefinition in a version the receiver does not support", "§7; §15; 10005", [ResponseCodes.MessageDefinitionVersionError, ResponseCodes.MessageDefinitionError], x => x.Replace(Definition, Definition[..^1] + "99", StringComparison.Ordinal)),
            Edit("sender-reference-too-long", "SenderReference longer than 255 characters", "§5; R7; 10007", [ResponseCodes.SenderReferenceError, ResponseCodes.HandlingSpecificationError], KeyValue("SenderReference", "valueString", new string('r', 256))) with { SenderReference = null },
            Edit("handling-key-missing", "The LocalExtension handling key is missing", "§5; §19 item 24; 10001", [ResponseCodes.HandlingSpecificationError, ResponseCodes.HeaderValidationFailure], x => LocalExtension().Replace(x, string.Empty, 1)),
            Edit("header-timestamp-missing", "MessageHeader.timestamp is missing", "§4; 20006", [ResponseCodes.HeaderValidationFailure], x => Timestamp().Replace(x, string.Empty, 1)),
            Unreadable(),
            Case("payload-composition-untitled", "The document's Composition has no title", "§3; R30; 20009", CaseExpectation.Rejected, [ResponseCodes.PayloadValidationFailure], Message(Document(PartnerPatients.Registered) with { WithTitle = false }, true, true, "untitled")),
            Case("payload-nhs-number-invalid", "The patient's NHS number fails the Modulus 11 check", "R22; R30; 20009", CaseExpectation.Rejected, [ResponseCodes.PayloadValidationFailure], Message(Document("9990000019"), true, true, "nhs")),
            Case("payload-collection", "A collection Bundle where the flow requires a document", "§3; 20009", CaseExpectation.Rejected, [ResponseCodes.PayloadValidationFailure], Collection()),
            Case("duplicate-message", "The technical-only message sent again (same MessageHeader id)", "§10.3 step 4; R35; 20007", CaseExpectation.Rejected, [ResponseCodes.DuplicateMessage], technical.Bytes) with { Phase = 2, MessageHeaderId = technical.HeaderId, SenderReference = technical.SenderReference },
            Case("duplicate-document", "The full-acknowledgement document again in a new message", "R35; 20008", CaseExpectation.Rejected, [ResponseCodes.DuplicateDocument], Message(full, true, true, "dupdoc")) with { Phase = 2 },
            Case("replacement-other-patient", "A replacement of the first document for another patient", "R43; 20014", CaseExpectation.Rejected, [ResponseCodes.ReplacementDocumentFailure],
                Message(Document(PartnerPatients.OtherRegistered) with { Replaces = full.CompositionIdentifier }, true, true, "replace")) with { Phase = 2 },
        };
        return cases;
    }

    private SuiteDocument Document(string nhsNumber) => new(ids.NewId(), ids.NewId(), nhsNumber, gpOdsCode, date);

    private Built Message(SuiteDocument document, bool inf, bool bus, string reference) => Message(ItkPayload.Document(document.ToTree()), inf, bus, reference);

    private Built Message(ItkPayload payload, bool inf, bool bus, string reference)
    {
        var senderReference = $"partner-{reference}-{ids.NewId()}";
        var built = builder.Build(new MessageDraft
        {
            Event = MessageEvents.EDischarge,
            Handling = new HandlingSpecification { InfAckRequested = inf, BusAckRequested = bus, MessageDefinition = Definition, SenderReference = senderReference },
            Sender = sender,
            SourceEndpoint = mailbox,
            Payload = payload,
        });
        return new Built(FhirSerializer.SerializeToBytes(built.Bundle, FhirFormat.Xml), built.MessageHeaderId, senderReference, inf, bus);
    }

    private Built Collection()
    {
        var tree = Document(PartnerPatients.Registered).ToTree();
        var collection = new ElementNode(tree.Name, tree.Value, [.. tree.Children.Select(c => c.Name == "type" ? new ElementNode("type", "collection") : c)], tree.ResourceType);
        return Message(ItkPayload.Bundle(collection), true, true, "collection");
    }

    private static SuiteCase Case(string id, string title, string reference, CaseExpectation expectation, IReadOnlyList<string> codes, Built message) =>
        new(id, title, reference, 1, expectation, codes)
        {
            Content = message.Bytes, MessageHeaderId = message.HeaderId, SenderReference = message.SenderReference,
            InfAckRequested = message.Inf, BusAckRequested = message.Bus,
        };

    private static SuiteCase Case(string id, string title, string reference, CaseExpectation expectation, IReadOnlyList<string> codes, byte[] content) =>
        new(id, title, reference, 1, expectation, codes) { Content = content };

    private SuiteCase Edit(string id, string title, string reference, IReadOnlyList<string> codes, Func<string, string> edit)
    {
        var message = Message(Document(PartnerPatients.Registered), true, true, id);
        var edited = Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(message.Bytes)));
        return Case(id, title, reference, CaseExpectation.Rejected, codes, message with { Bytes = edited });
    }

    private static SuiteCase Unreadable() =>
        new("unreadable", "Content that is neither XML nor JSON", "§10.4; R41; 10009", 1, CaseExpectation.Rejected, [ResponseCodes.Unreadable])
        {
            Content = Encoding.UTF8.GetBytes("This is not an ITK3 message.\n"),
        };

    private static Func<string, string> KeyValue(string key, string element, string value) => xml =>
        new Regex($"(<extension url=\"{key}\">\\s*<{element} value=\")[^\"]*(\")").Replace(xml, $"${{1}}{value}${{2}}", 1);

    [GeneratedRegex("<extension url=\"LocalExtension\">.*?</extension>", RegexOptions.Singleline)]
    private static partial Regex LocalExtension();

    [GeneratedRegex("<timestamp value=\"[^\"]*\"\\s*/>")]
    private static partial Regex Timestamp();

    private sealed record Built(byte[] Bytes, string HeaderId, string SenderReference, bool Inf, bool Bus);
}
