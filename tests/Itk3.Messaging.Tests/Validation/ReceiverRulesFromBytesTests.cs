using System.Text;
using System.Text.RegularExpressions;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;

namespace Itk3.Messaging.Tests.Validation;

/// <summary>Every receiver rule from serialised bytes, in XML and JSON, as a receiver meets them (not trees built in memory).</summary>
public sealed class ReceiverRulesFromBytesTests
{
    private const string Gp = "A81001";

    private static readonly ReceiverProfile FlowProfile = ReceiverProfile.FromJson("""
        { "version": 2, "flows": [ { "event": "ITK003D",
            "messageDefinitions": [ { "url": "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4", "version": "4.0.0" } ],
            "payload": "document", "recipients": { "kind": "generalPractitioner" },
            "payloadRecipients": { "organizations": ["A81001"], "people": ["G1234567"] } } ] }
        """);

    public static TheoryData<FhirFormat> Formats => [FhirFormat.Xml, FhirFormat.Json];

    private static ElementNode Document(string id = "doc-1", string nhs = "9434765919", string composition = "comp-id-1", string? replaces = null, string gpType = "Organization", string gpSystem = ItkUrls.OdsOrganizationCode, string gp = Gp, bool title = true)
    {
        var relates = replaces is null ? [] : new[] { N("relatesTo", P("code", "replaces"), N("targetIdentifier", P("value", replaces))) };
        ElementNode[] compositionChildren =
        [
            P("id", "c1"), N("identifier", P("value", composition)), P("status", "final"),
            N("type", N("coding", P("system", "http://snomed.info/sct"), P("code", "373942005"))),
            N("subject", P("reference", "urn:uuid:pat-1")), P("date", "2026-01-02T03:00:00+00:00"),
            N("author", P("reference", "urn:uuid:org-1")), .. title ? [P("title", "Discharge summary")] : Array.Empty<ElementNode>(), .. relates,
        ];
        return R("Bundle",
            P("id", id), N("identifier", P("value", id)), P("type", "document"),
            N("entry", P("fullUrl", "urn:uuid:comp-1"), R("Composition", compositionChildren).WithName("resource")),
            N("entry", P("fullUrl", "urn:uuid:pat-1"), R("Patient", P("id", "pat-1"),
                N("identifier", P("system", ItkUrls.NhsNumberSystem), P("value", nhs)),
                N("generalPractitioner", P("reference", "urn:uuid:gp-1"))).WithName("resource")),
            N("entry", P("fullUrl", "urn:uuid:gp-1"), R(gpType, P("id", "gp-1"), N("identifier", P("system", gpSystem), P("value", gp))).WithName("resource")),
            N("entry", P("fullUrl", "urn:uuid:org-1"), R("Organization", P("id", "org-1")).WithName("resource")));
    }

    private static byte[] Bytes(ElementNode? document = null, FhirFormat format = FhirFormat.Xml, ItkPayload? payload = null, int seed = 1) =>
        FhirSerializer.SerializeToBytes(Builder(seed).Build(Draft() with { Payload = payload ?? ItkPayload.Document(document ?? Document()) }).Bundle, format);

    private static string Edit(byte[] bytes, string pattern, string replacement) => new Regex(pattern).Replace(Encoding.UTF8.GetString(bytes), replacement, 1);

    private static ValidationResult Validate(byte[] bytes, ReceiverProfile? profile = null, IReceivedMessageHistory? history = null) =>
        new MessageValidator(profile ?? FlowProfile, history).Validate(bytes);

    private static string Code(string text, ReceiverProfile? profile = null) => Validate(Encoding.UTF8.GetBytes(text), profile).Outcome.Code;

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_well_formed_document_message_is_accepted_with_20013(FhirFormat format) =>
        Assert.Equal("20013", Validate(Bytes(format: format)).Outcome.Code);

    [Theory]
    [InlineData(FhirFormat.Xml, "InfAckRequested", "yes", "10002")]
    [InlineData(FhirFormat.Xml, "InfAckRequested", "True", "10002")]
    [InlineData(FhirFormat.Xml, "BusAckRequested", "yes", "10003")]
    [InlineData(FhirFormat.Xml, "BusAckRequested", "True", "10003")]
    [InlineData(FhirFormat.Json, "InfAckRequested", "\"true\"", "10002")]
    [InlineData(FhirFormat.Json, "InfAckRequested", "\"yes\"", "10002")]
    [InlineData(FhirFormat.Json, "BusAckRequested", "\"true\"", "10003")]
    [InlineData(FhirFormat.Json, "BusAckRequested", "1", "10003")]
    public void A_malformed_flag_value_from_the_wire_earns_its_specific_code_not_20006(FhirFormat format, string key, string value, string code)
    {
        var text = format == FhirFormat.Xml
            ? Edit(Bytes(format: format), $"(<extension url=\"{key}\">\\s*<valueBoolean value=\")true(\")", $"${{1}}{value}${{2}}")
            : Edit(Bytes(format: format), $"(\"url\":\"{key}\",\"valueBoolean\":)true", $"${{1}}{value}");
        var result = Validate(Encoding.UTF8.GetBytes(text));
        Assert.Equal(code, result.Outcome.Code);
        Assert.True(result.Findings[0].Position.IsKnown);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_unreadable_flag_is_answered_even_when_the_other_flag_asks_for_nothing(FhirFormat format)
    {
        var draft = Draft(inf: false, bus: false);
        var bytes = FhirSerializer.SerializeToBytes(Builder().Build(draft with { Payload = ItkPayload.Document(Document()) }).Bundle, format);
        var text = format == FhirFormat.Xml
            ? Edit(bytes, "(<extension url=\"BusAckRequested\">\\s*<valueBoolean value=\")false(\")", "${1}no${2}")
            : Edit(bytes, "(\"url\":\"BusAckRequested\",\"valueBoolean\":)false", "${1}\"no\"");
        var result = Validate(Encoding.UTF8.GetBytes(text));
        var plan = new Itk3.Messaging.Responses.ResponsePlanner(FlowProfile).Plan(result);
        Assert.Equal("10003", Assert.Single(plan.Responses).Code.Code);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Handling_key_values_from_the_wire_earn_10010_10004_10005_10007_and_10001(FhirFormat format)
    {
        var bytes = Bytes(format: format);
        var (fa, xx) = format == FhirFormat.Xml ? ("<code value=\"FA\"", "<code value=\"XX\"") : ("\"code\":\"FA\"", "\"code\":\"XX\"");
        Assert.Equal("10010", Code(Edit(bytes, fa, xx)));
        Assert.Equal("10004", Code(Edit(bytes, "ITK-eDischarge-MessageDefinition-4", "ITK-Unknown-MessageDefinition-1")));
        Assert.Equal("10005", Code(Edit(bytes, "ITK-eDischarge-MessageDefinition-4", "ITK-eDischarge-MessageDefinition-3")));
        Assert.Equal("10007", Code(Edit(bytes, "ref-123", new string('r', 256))));
        var noLocal = format == FhirFormat.Xml ? "<extension url=\"LocalExtension\">.*?</extension>" : ",?\\{\"url\":\"LocalExtension\",\"valueString\":\"None\"\\}";
        Assert.Equal("10001", Code(Edit(bytes, noLocal, string.Empty)));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_event_without_a_flow_is_not_supported_with_10004_and_a_flow_pattern_requires_its_flags_with_10008(FhirFormat format)
    {
        var bytes = Bytes(format: format);
        Assert.Equal("10004", Code(Edit(bytes, "ITK003D", "ITK006D")));
        var technicalOnly = FlowProfile with { Flows = [FlowProfile.Flows[0] with { Pattern = FlowPattern.TechnicalOnly }] };
        Assert.Equal("10008", Validate(bytes, technicalOnly).Outcome.Code);
    }

    [Theory]
    [InlineData(FhirFormat.Xml, "title")]
    [InlineData(FhirFormat.Json, "title")]
    [InlineData(FhirFormat.Xml, "status")]
    [InlineData(FhirFormat.Json, "date")]
    [InlineData(FhirFormat.Xml, "subject")]
    [InlineData(FhirFormat.Json, "author")]
    [InlineData(FhirFormat.Xml, "type")]
    public void A_Composition_without_a_required_element_is_refused_with_20009_at_its_location(FhirFormat format, string element)
    {
        var trimmed = Support.TreeEdit.MapEntry(Document(), 0, c => Support.TreeEdit.Without(c, element));
        var result = Validate(Bytes(trimmed, format));
        Assert.Equal("20009", result.Outcome.Code);
        Assert.EndsWith($"ofType(Composition).{element}", result.Findings[0].Location);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_NHS_number_failing_Modulus_11_is_refused_with_20009_and_never_echoed(FhirFormat format)
    {
        var result = Validate(Bytes(Document(nhs: "9434765918"), format));
        Assert.Equal("20009", result.Outcome.Code);
        Assert.DoesNotContain("9434765918", result.Findings[0].ToString());
        Assert.Equal("20009", Validate(Bytes(Document(nhs: "94347659"), format)).Outcome.Code);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_collection_where_the_flow_requires_a_document_is_refused_with_20009_and_accepted_without_the_flow(FhirFormat format)
    {
        var collection = Support.TreeEdit.Set(Document(), P("type", "collection"));
        var bytes = Bytes(format: format, payload: ItkPayload.Bundle(collection));
        Assert.Equal("20009", Validate(bytes).Outcome.Code);
        Assert.Equal("20013", Validate(bytes, ReceiverProfile.Permissive).Outcome.Code);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Two_documents_in_one_message_are_refused_with_20009(FhirFormat format)
    {
        var bytes = Bytes(format: format, payload: ItkPayload.FromResources(Document("doc-a"), Document("doc-b")));
        Assert.Equal("20009", Validate(bytes, ReceiverProfile.Permissive).Outcome.Code);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_relative_reference_that_resolves_nowhere_in_the_document_is_refused_with_20009(FhirFormat format)
    {
        var document = Support.TreeEdit.MapEntry(Document(), 0, c => Support.TreeEdit.Set(c, N("subject", P("reference", "Patient/nowhere"))));
        Assert.Equal("20009", Validate(Bytes(document, format)).Outcome.Code);
        var resolving = Support.TreeEdit.MapEntry(Document(), 0, c => Support.TreeEdit.Set(c, N("subject", P("reference", "Patient/pat-1"))));
        Assert.Equal("20013", Validate(Bytes(resolving, format)).Outcome.Code);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_subject_GP_decides_20010_and_20011_and_the_placeholder_V81999_is_always_accepted(FhirFormat format)
    {
        Assert.Equal("20010", Validate(Bytes(Document(gp: "B99999"), format)).Outcome.Code);
        Assert.Equal("20013", Validate(Bytes(Document(gp: "V81999"), format)).Outcome.Code);
        Assert.Equal("20011", Validate(Bytes(Document(gpType: "Practitioner", gpSystem: ItkUrls.SdsUserId, gp: "G0000001"), format)).Outcome.Code);
        Assert.Equal("20013", Validate(Bytes(Document(gpType: "Practitioner", gpSystem: ItkUrls.SdsUserId, gp: "G1234567"), format)).Outcome.Code);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_sequence_is_judged_with_the_history_20007_20008_and_20014_for_another_patient(FhirFormat format)
    {
        var history = new MessageHistory();
        ValidationResult Step(byte[] bytes)
        {
            var result = Validate(bytes, history: history);
            history.Record(result);
            return result;
        }

        var first = Bytes(Document("doc-1", composition: "comp-1"), format, seed: 1);
        Assert.Equal("20013", Step(first).Outcome.Code);
        Assert.Equal("20007", Step(first).Outcome.Code);
        Assert.Equal("20008", Step(Bytes(Document("doc-1"), format, seed: 50)).Outcome.Code);
        Assert.Equal("20014", Step(Bytes(Document("doc-2", nhs: "9990000018", replaces: "comp-1"), format, seed: 100)).Outcome.Code);
        Assert.Equal("20013", Step(Bytes(Document("doc-3", replaces: "comp-1"), format, seed: 150)).Outcome.Code);
        var strict = FlowProfile with { Flows = [FlowProfile.Flows[0] with { ReplacementRequiresOriginal = true }] };
        Assert.Equal("20014", Validate(Bytes(Document("doc-4", replaces: "never-received"), format, seed: 200), strict, history).Outcome.Code);
    }

    [Fact]
    public void A_history_snapshot_restores_the_same_judgements()
    {
        var history = new MessageHistory();
        var bytes = Bytes(Document("doc-1", composition: "comp-1"));
        history.Record(Validate(bytes, history: history));
        var restored = MessageHistory.FromSnapshot(history.Snapshot());
        Assert.Equal("20007", Validate(bytes, history: restored).Outcome.Code);
        Assert.Equal("comp-1", restored.FindDocument("doc-1")!.CompositionIdentifier);
    }
}
