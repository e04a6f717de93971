using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Tests.Support;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;
using static Itk3.Messaging.Tests.Support.TreeEdit;

namespace Itk3.Messaging.Tests.Validation;

public sealed class MessageValidatorTests
{
    private static ElementNode Message(MessageDraft? draft = null) => Builder().Build(draft ?? Draft()).Bundle;

    private static string CodeOf(ElementNode bundle, ReceiverProfile? profile = null, IReceivedMessageHistory? history = null) =>
        new MessageValidator(profile ?? ReceiverProfile.Permissive, history).Validate(bundle).Outcome.Code;

    [Fact]
    public void Accepts_a_built_message_with_20013()
    {
        var result = new MessageValidator(ReceiverProfile.Permissive).Validate(Message());
        Assert.True(result.IsAccepted);
        Assert.Equal("20013", result.Outcome.Code);
    }

    [Fact]
    public void Rejects_a_resource_that_is_not_a_bundle_with_20006() => Assert.Equal("20006", CodeOf(R("Patient", P("id", "x"))));

    [Fact]
    public void Rejects_bundle_whose_type_is_not_message_with_20006() => Assert.Equal("20006", CodeOf(Set(Message(), P("type", "collection"))));

    [Fact]
    public void Rejects_bundle_without_identifier_with_20006() => Assert.Equal("20006", CodeOf(Without(Message(), "identifier")));

    [Fact]
    public void Accepts_bundle_whose_identifier_has_no_system() =>
        Assert.Equal("20013", CodeOf(Set(Message(), N("identifier", P("value", "abc")))));

    [Fact]
    public void Accepts_bundle_and_header_without_meta_profile() =>
        Assert.Equal("20013", CodeOf(MapHeader(Without(Message(), "meta"), h => Without(h, "meta"))));

    [Fact]
    public void Rejects_bundle_with_total_with_20006() => Assert.Equal("20006", CodeOf(Add(Message(), P("total", "3"))));

    [Fact]
    public void Rejects_bundle_whose_first_entry_is_not_MessageHeader()
    {
        var bundle = Message();
        var entries = bundle.ChildrenNamed("entry").ToList();
        (entries[0], entries[1]) = (entries[1], entries[0]);
        Assert.Equal("20006", CodeOf(With(bundle, [.. bundle.Children.Where(c => c.Name != "entry"), .. entries])));
    }

    [Fact]
    public void Rejects_bundle_without_MessageHeader_with_20006() =>
        Assert.Equal("20006", CodeOf(With(Message(), Message().Children.Where(c => c.Child("resource")?.ResourceType != "MessageHeader"))));

    [Fact]
    public void Rejects_the_obsolete_ITK_MessageHeader_1_with_20006() =>
        Assert.Equal("20006", CodeOf(MapHeader(Message(), h => Set(h, N("meta", P("profile", ItkUrls.MessageHeader1))))));

    [Theory]
    [InlineData("event")]
    [InlineData("sender")]
    [InlineData("timestamp")]
    [InlineData("source")]
    [InlineData("focus")]
    public void Rejects_header_missing_a_required_element_with_20006(string element) =>
        Assert.Equal("20006", CodeOf(MapHeader(Message(), h => Without(h, element))));

    [Theory]
    [InlineData("destination")]
    [InlineData("author")]
    [InlineData("enterer")]
    [InlineData("responsible")]
    public void Rejects_header_with_a_prohibited_element_with_20006(string element) =>
        Assert.Equal("20006", CodeOf(MapHeader(Message(), h => Add(h, N(element, P("reference", "urn:uuid:x"))))));

    [Fact]
    public void Rejects_event_with_another_system_with_20006() =>
        Assert.Equal("20006", CodeOf(MapHeader(Message(), h => Set(h, N("event", P("system", "http://x"), P("code", "ITK003D"), P("display", "d"))))));

    [Fact]
    public void Rejects_sender_that_does_not_resolve_with_20006() =>
        Assert.Equal("20006", CodeOf(MapHeader(Message(), h => Set(h, N("sender", P("reference", "urn:uuid:nowhere"))))));

    [Fact]
    public void Rejects_header_organization_with_a_name_with_20006() =>
        Assert.Equal("20006", CodeOf(MapEntry(Message(), 1, o => Add(o, P("name", "Hospital")))));

    [Fact]
    public void Rejects_receiver_that_is_not_an_organisation_or_practitioner_with_20006()
    {
        var bundle = MapHeader(Message(), h => Add(h, N("receiver", P("reference", "urn:uuid:pat-1"))));
        var withPatient = Add(bundle, N("entry", P("fullUrl", "urn:uuid:pat-1"), R("Patient", P("id", "pat-1")).WithName("resource")));
        Assert.Equal("20006", CodeOf(withPatient));
    }

    [Fact]
    public void Accepts_a_receiver_reference_that_does_not_resolve() =>
        Assert.Equal("20013", CodeOf(MapHeader(Message(), h => Add(h, N("receiver", P("reference", "urn:uuid:elsewhere"))))));

    [Fact]
    public void Rejects_two_entries_with_the_same_full_url_with_20006()
    {
        var bundle = Message();
        Assert.Equal("20006", CodeOf(Add(bundle, bundle.ChildrenNamed("entry").Last())));
    }

    [Fact]
    public void Rejects_focus_that_does_not_resolve_with_20006() =>
        Assert.Equal("20006", CodeOf(MapHeader(Message(), h => Set(h, N("focus", P("reference", "urn:uuid:nowhere"))))));

    [Fact]
    public void Rejects_missing_handling_extension_with_10001() =>
        Assert.Equal("10001", CodeOf(MapHeader(Message(), h => With(h, h.Children.Where(c => c.Name != "extension")))));

    [Theory]
    [InlineData("BusAckRequested")]
    [InlineData("InfAckRequested")]
    [InlineData("RecipientType")]
    [InlineData("MessageDefinition")]
    [InlineData("SenderReference")]
    [InlineData("LocalExtension")]
    public void Rejects_a_missing_handling_key_with_10001(string key) => Assert.Equal("10001", CodeOf(RemoveKey(Message(), key)));

    [Fact]
    public void Tolerates_extra_keys_and_the_old_priority_key()
    {
        var bundle = MapHandling(Message(), h => Add(Add(h, N("extension", P("url", "Priority"), P("valueCode", "routine"))), N("extension", P("url", "LocalThing"), P("valueInteger", "3"))));
        Assert.Equal("20013", CodeOf(bundle));
    }

    [Theory]
    [InlineData("InfAckRequested", "10002")]
    [InlineData("BusAckRequested", "10003")]
    public void Rejects_an_unreadable_flag_with_its_code(string key, string code)
    {
        Assert.Equal(code, CodeOf(KeyValue(Message(), key, P("valueBoolean", "yes"))));
        Assert.Equal(code, CodeOf(KeyValue(Message(), key, P("valueString", "true"))));
    }

    [Fact]
    public void Rejects_an_unknown_recipient_type_with_10010() =>
        Assert.Equal("10010", CodeOf(KeyValue(Message(), "RecipientType", N("valueCoding", P("system", RecipientTypes.System), P("code", "XX"), P("display", "x")))));

    [Fact]
    public void Rejects_an_unreadable_message_definition_with_10004() =>
        Assert.Equal("10004", CodeOf(KeyValue(Message(), "MessageDefinition", N("valueReference", P("display", "x")))));

    [Fact]
    public void Rejects_an_unsupported_definition_with_10004_and_an_unsupported_version_with_10005()
    {
        var profile = new ReceiverProfile { MessageDefinitions = [DischargeDefinition] };
        var other = KeyValue(Message(), "MessageDefinition", N("valueReference", P("reference", "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-OPL-MessageDefinition-4")));
        var oldVersion = KeyValue(Message(), "MessageDefinition", N("valueReference", P("reference", "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-3")));

        Assert.Equal("20013", CodeOf(Message(), profile));
        Assert.Equal("10004", CodeOf(other, profile));
        Assert.Equal("10005", CodeOf(oldVersion, profile));
    }

    [Fact]
    public void Rejects_an_unsupported_event_with_10004() =>
        Assert.Equal("10004", CodeOf(Message(), new ReceiverProfile { Events = ["ITK006D"] }));

    [Fact]
    public void Rejects_a_too_long_sender_reference_with_10007() =>
        Assert.Equal("10007", CodeOf(KeyValue(Message(), "SenderReference", P("valueString", new string('a', 256)))));

    [Fact]
    public void Rejects_a_flag_the_payload_spec_requires_with_10008()
    {
        var profile = new ReceiverProfile { FlowRules = [new FlowRule { Event = "ITK003D", Key = "InfAckRequested", MustBe = true }] };
        Assert.Equal("10008", CodeOf(Message(Draft(inf: false)), profile));
        Assert.Equal("20013", CodeOf(Message(Draft(inf: true)), profile));
    }

    [Fact]
    public void Rejects_duplicate_message_with_20007_and_duplicate_document_with_20008()
    {
        var built = Builder().Build(Draft());
        var messages = new FakeHistory();
        messages.Messages.Add(built.MessageHeaderId);
        var documents = new FakeHistory();
        documents.Documents.Add("doc-1");

        Assert.Equal("20007", CodeOf(built.Bundle, history: messages));
        Assert.Equal("20008", CodeOf(built.Bundle, history: documents));
        Assert.Equal("20013", CodeOf(built.Bundle, new ReceiverProfile { Duplicates = new() { Messages = false, Documents = false } }, documents));
    }

    [Fact]
    public void Rejects_blocked_sender_with_20012_and_unknown_sender_with_20003_unless_MESH_GP_lookup()
    {
        Assert.Equal("20012", CodeOf(Message(), new ReceiverProfile { Senders = new() { Blocked = ["RX1"] } }));
        Assert.Equal("20003", CodeOf(Message(), new ReceiverProfile { Senders = new() { AllowListEnabled = true, Known = ["RA9"] } }));
        Assert.Equal("20013", CodeOf(Message(), new ReceiverProfile { Senders = new() { AllowListEnabled = true, Known = ["RX1"] } }));
        Assert.Equal("20013", CodeOf(Message(), new ReceiverProfile { Senders = new() { MeshGpLookup = true, Blocked = ["RX1"] } }));
    }

    [Fact]
    public void Rejects_unserved_recipient_organisation_with_20002_and_person_with_20001()
    {
        var profile = new ReceiverProfile { Recipients = new() { Organizations = ["A1"], People = ["G1"] } };
        Assert.Equal("20002", CodeOf(Message(Draft(receiver: Participant.Organization("B2"))), profile));
        Assert.Equal("20001", CodeOf(Message(Draft(receiver: Participant.Practitioner("G2"))), profile));
        Assert.Equal("20013", CodeOf(Message(Draft(receiver: Participant.Organization("A1"))), profile));
    }

    [Fact]
    public void Report_all_mode_keeps_the_first_rules_code_and_collects_later_findings()
    {
        var bundle = RemoveKey(Set(Message(), P("type", "collection")), "SenderReference");
        var first = new MessageValidator(ReceiverProfile.Permissive).Validate(bundle);
        var all = new MessageValidator(ReceiverProfile.Permissive, reportAll: true).Validate(bundle);

        Assert.Equal("20006", first.Outcome.Code);
        Assert.DoesNotContain(first.Findings, f => f.Code.Code == "10001");
        Assert.Equal("20006", all.Outcome.Code);
        Assert.Contains(all.Findings, f => f.Code.Code == "10001");
    }

    [Fact]
    public void Never_rejects_the_placeholder_GP_code_V81999() =>
        Assert.Equal("20013", CodeOf(Message(Draft(receiver: Participant.Organization("V81999"))), new ReceiverProfile { Recipients = new() { Organizations = ["A1"] } }));
}
