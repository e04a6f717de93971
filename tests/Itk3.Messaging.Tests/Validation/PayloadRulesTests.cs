using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Building;
using Itk3.Messaging.Tests.Support;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;
using static Itk3.Messaging.Tests.Support.TreeEdit;

namespace Itk3.Messaging.Tests.Validation;

public sealed class PayloadRulesTests
{
    private static ElementNode WithDocument(ElementNode document) =>
        Builder().Build(Draft() with { Payload = ItkPayload.Document(document) }).Bundle;

    private static string CodeOf(ElementNode bundle, ReceiverProfile? profile = null, IReceivedMessageHistory? history = null, IPayloadRecipientExtractor? recipients = null) =>
        new MessageValidator(profile ?? ReceiverProfile.Permissive, history, recipients).Validate(bundle).Outcome.Code;

    private static ElementNode Binary(string contentType) =>
        N("entry", P("fullUrl", "urn:uuid:bin-1"), R("Binary", P("id", "bin-1"), P("contentType", contentType), P("content", "AAAA")).WithName("resource"));

    [Fact]
    public void Rejects_a_document_whose_first_entry_is_not_a_Composition_with_20009()
    {
        var document = DocumentBundle();
        var entries = document.ChildrenNamed("entry").Reverse().ToList();
        Assert.Equal("20009", CodeOf(WithDocument(With(document, [.. document.Children.Where(c => c.Name != "entry"), .. entries]))));
    }

    [Fact]
    public void Rejects_a_document_without_identifier_with_20009() => Assert.Equal("20009", CodeOf(WithDocument(Without(DocumentBundle(), "identifier"))));

    [Fact]
    public void Rejects_a_document_reference_that_points_outside_the_document_with_20009()
    {
        var document = DocumentBundle(extraEntries: N("entry", P("fullUrl", "urn:uuid:obs-1"), R("Observation", P("id", "obs-1"), N("subject", P("reference", "urn:uuid:missing"))).WithName("resource")));
        Assert.Equal("20009", CodeOf(WithDocument(document)));
    }

    [Fact]
    public void Rejects_an_attachment_by_external_url_with_20009()
    {
        var document = DocumentBundle(extraEntries: N("entry", P("fullUrl", "urn:uuid:dr-1"), R("DocumentReference", P("id", "dr-1"),
            N("content", N("attachment", P("contentType", "application/pdf"), P("url", "https://example.org/letter.pdf")))).WithName("resource")));
        Assert.Equal("20009", CodeOf(WithDocument(document)));
    }

    [Fact]
    public void Rejects_a_payload_bundle_of_an_unknown_type_with_20009()
    {
        var bundle = R("Bundle", P("id", "p-1"), P("type", "weird"));
        Assert.Equal("20009", CodeOf(Builder().Build(Draft() with { Payload = ItkPayload.Bundle(bundle) }).Bundle));
    }

    [Fact]
    public void Accepts_a_collection_payload_bundle_and_plain_resources()
    {
        var bundle = R("Bundle", P("id", "p-1"), P("type", "collection"), N("entry", R("Patient", P("id", "x")).WithName("resource")));
        Assert.Equal("20013", CodeOf(Builder().Build(Draft() with { Payload = ItkPayload.Bundle(bundle) }).Bundle));
        Assert.Equal("20013", CodeOf(Builder().Build(Draft() with { Payload = ItkPayload.FromResources(R("Patient")) }).Bundle));
    }

    [Fact]
    public void Rejects_an_unapproved_attachment_type_with_20004_and_an_unsupported_one_with_20005()
    {
        Assert.Equal("20004", CodeOf(WithDocument(DocumentBundle(extraEntries: Binary("application/x-msdownload")))));
        var profile = new ReceiverProfile { Attachments = new() { Supported = ["application/pdf"] } };
        Assert.Equal("20005", CodeOf(WithDocument(DocumentBundle(extraEntries: Binary("image/png"))), profile));
        Assert.Equal("20013", CodeOf(WithDocument(DocumentBundle(extraEntries: Binary("application/pdf; charset=binary"))), profile));
    }

    [Fact]
    public void Rejects_a_replacement_of_another_patients_document_or_of_an_unknown_one_where_the_flow_requires_it_with_20014()
    {
        var document = DocumentBundle();
        var replacing = MapFirstEntry(document, c => Add(c, N("relatesTo", P("code", "replaces"), N("targetIdentifier", P("value", "old-doc")))));
        var history = new FakeHistory();
        history.Accepted.Add(new ReceivedDocument("old-doc-id", "old-doc", "sha256:another-patient"));
        Assert.Equal("20013", CodeOf(WithDocument(replacing), history: history));
        var strict = new ReceiverProfile { Flows = [new ReceiverFlow { Event = "ITK003D", ReplacementRequiresOriginal = true }] };
        Assert.Equal("20014", CodeOf(WithDocument(replacing), strict));
        Assert.Equal("20013", CodeOf(WithDocument(replacing)));
    }

    [Fact]
    public void Rejects_unserved_payload_recipients_with_20010_and_20011()
    {
        var profile = new ReceiverProfile { PayloadRecipients = new() { Organizations = ["A1"], People = ["G1"] } };
        Assert.Equal("20010", CodeOf(WithDocument(DocumentBundle()), profile, recipients: new FixedRecipients(ParticipantKind.Organization, "B2")));
        Assert.Equal("20011", CodeOf(WithDocument(DocumentBundle()), profile, recipients: new FixedRecipients(ParticipantKind.Practitioner, "G2")));
        Assert.Equal("20013", CodeOf(WithDocument(DocumentBundle()), profile, recipients: new FixedRecipients(ParticipantKind.Organization, "A1")));
    }

    [Fact]
    public void Rejects_a_message_over_the_size_limit_with_20015()
    {
        var bytes = Encoding.UTF8.GetBytes(new string(' ', 2000) + "{\"resourceType\":\"Bundle\"}");
        var result = new MessageValidator(new ReceiverProfile { MaxMessageBytes = 100 }).Validate(bytes);
        Assert.Equal("20015", result.Outcome.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"message\"")]
    [InlineData("{\"resourceType\": \"Bundle\", ")]
    public void Rejects_unreadable_content_with_10009_and_the_unreadable_identifier(string text)
    {
        var result = new MessageValidator(ReceiverProfile.Permissive).Validate(Encoding.UTF8.GetBytes(text));
        Assert.Equal("10009", result.Outcome.Code);
        Assert.Equal("UNREADABLE-IN-ORIGINAL-MESSAGE", result.RespondsTo);
    }

    private static ElementNode MapFirstEntry(ElementNode document, Func<ElementNode, ElementNode> map)
    {
        var first = true;
        return With(document, document.Children.Select(c =>
        {
            if (c.Name != "entry" || !first)
            {
                return c;
            }

            first = false;
            return Set(c, map(c.Child("resource")!).WithName("resource"));
        }));
    }

    private sealed class FixedRecipients(ParticipantKind kind, string identifier) : IPayloadRecipientExtractor
    {
        public IReadOnlyList<PayloadRecipient> Extract(Messaging.Reading.ItkMessage message, Messaging.Reading.ItkEntry payload) =>
            [new PayloadRecipient(kind, identifier, payload.Location)];
    }
}
