using System.Text;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using static Itk3.Messaging.Tests.Support.Fixtures;
using static Itk3.Messaging.Tests.Support.TreeEdit;

namespace Itk3.Messaging.Tests.Reading;

public sealed class ItkMessageReaderTests
{
    [Theory]
    [InlineData(FhirFormat.Xml)]
    [InlineData(FhirFormat.Json)]
    public void Reads_a_message_in_either_format_with_its_handling_keys(FhirFormat format)
    {
        var built = Builder().Build(Draft(inf: true, bus: false));
        var outcome = ItkMessageReader.Read(FhirSerializer.SerializeToBytes(built.Bundle, format));
        var handling = outcome.Message!.Header!.Handling!;

        Assert.Equal(format, outcome.Format);
        Assert.Equal(built.MessageHeaderId, outcome.Message.MessageId);
        Assert.Equal(true, handling.InfAckRequested);
        Assert.Equal(false, handling.BusAckRequested);
        Assert.Equal("FA", handling.RecipientTypeCode);
        Assert.Equal(DischargeDefinition, handling.MessageDefinition);
        Assert.Equal("ref-123", handling.SenderReference);
        Assert.Equal("valueString", handling.LocalExtensionValue!.Name);
    }

    [Fact]
    public void Keeps_extra_keys_and_recognises_the_old_priority_key()
    {
        var bundle = MapHandling(Builder().Build(Draft()).Bundle, h => Add(Add(h, N("extension", P("url", "Priority"), P("valueCode", "urgent"))), N("extension", P("url", "Local"), P("valueString", "x"))));
        var handling = new ItkMessage(bundle).Header!.Handling!;

        Assert.True(handling.HasPriorityKey);
        Assert.Equal(["Priority", "Local"], handling.OtherKeys.Select(k => k.ChildValue("url")));
    }

    [Fact]
    public void Unreadable_flags_read_as_null_not_false()
    {
        var bundle = KeyValue(Builder().Build(Draft()).Bundle, "BusAckRequested", P("valueBoolean", "TRUE"));
        Assert.Null(new ItkMessage(bundle).Header!.Handling!.BusAckRequested);
    }

    [Fact]
    public void Recognises_the_obsolete_ITK_MessageHeader_1_by_its_handling_extension()
    {
        var bundle = MapHeader(Builder().Build(Draft()).Bundle, h => Add(Without(h, "meta"), N("extension", P("url", ItkUrls.MessageHandling1))));
        Assert.True(new ItkMessage(bundle).Header!.IsObsoleteHeader1);
        Assert.False(new ItkMessage(Builder().Build(Draft()).Bundle).Header!.IsObsoleteHeader1);
    }

    [Fact]
    public void Finds_the_header_even_when_it_is_not_the_first_entry()
    {
        var bundle = Builder().Build(Draft()).Bundle;
        var entries = bundle.ChildrenNamed("entry").Reverse().ToList();
        var message = new ItkMessage(With(bundle, [.. bundle.Children.Where(c => c.Name != "entry"), .. entries]));

        Assert.NotNull(message.Header);
        Assert.False(message.HeaderIsFirst);
    }

    [Fact]
    public void Content_that_is_neither_xml_nor_json_has_no_message()
    {
        var outcome = ItkMessageReader.Read(Encoding.UTF8.GetBytes("MESH report"));
        Assert.Null(outcome.Message);
        Assert.Null(outcome.Format);
    }

    [Fact]
    public void Resolves_references_by_type_and_id_as_well_as_full_url()
    {
        var message = new ItkMessage(Builder().Build(Draft()).Bundle);
        var sender = message.Sender!;
        Assert.Same(sender, message.Resolve($"Organization/{sender.Resource!.ChildValue("id")}"));
        Assert.Null(message.Resolve("Organization/none"));
    }
}
