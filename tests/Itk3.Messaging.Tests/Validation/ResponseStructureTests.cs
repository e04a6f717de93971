using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;
using static Itk3.Messaging.Tests.Support.TreeEdit;

namespace Itk3.Messaging.Tests.Validation;

public sealed class ResponseStructureTests
{
    private static ElementNode Response(string code = "20013") =>
        ResponseFactory().CreateFor(new ItkMessage(Builder().Build(Draft()).Bundle), code).Bundle;

    private static string CodeOf(ElementNode bundle) => new MessageValidator(ReceiverProfile.Permissive).Validate(bundle).Outcome.Code;

    private static ElementNode MapResponse(ElementNode bundle, Func<ElementNode, ElementNode> map) =>
        MapHeader(bundle, h => Set(h, map(h.Child("response")!)));

    [Fact]
    public void Accepts_every_generated_response_without_focus() => Assert.Equal("20013", CodeOf(Response()));

    [Fact]
    public void Rejects_a_response_without_details_with_20006() => Assert.Equal("20006", CodeOf(MapResponse(Response(), r => Without(r, "details"))));

    [Fact]
    public void Rejects_a_response_code_outside_the_value_set_with_20006() => Assert.Equal("20006", CodeOf(MapResponse(Response(), r => Set(r, P("code", "maybe")))));

    [Fact]
    public void Rejects_a_response_code_that_contradicts_the_ITK_code_with_20006() =>
        Assert.Equal("20006", CodeOf(MapResponse(Response("20009"), r => Set(r, P("code", "ok")))));

    [Fact]
    public void Rejects_an_outcome_without_an_ITK_response_code_with_20006() =>
        Assert.Equal("20006", CodeOf(MapEntry(Response(), 2, o => Without(o, "issue"))));

    [Fact]
    public void Rejects_a_response_with_another_message_definition_with_10004() =>
        Assert.Equal("10004", CodeOf(KeyValue(Response(), "MessageDefinition", N("valueReference", P("reference", DischargeDefinition)))));

    [Fact]
    public void Accepts_the_retired_response_message_definition() =>
        Assert.Equal("20013", CodeOf(KeyValue(Response(), "MessageDefinition", N("valueReference", P("reference", ItkUrls.ResponseMessageDefinitionRetired)))));

    [Fact]
    public void Tolerates_several_issues_and_reads_every_code()
    {
        var bundle = MapEntry(Response("20009"), 2, o => Add(o, o.Child("issue")!));
        Assert.Equal("20013", CodeOf(bundle));
        Assert.Equal(["20009", "20009"], new ItkMessage(bundle).Response!.Codes);
    }

    [Fact]
    public void Rejects_a_parsed_message_just_over_the_size_limit_with_20015()
    {
        var bytes = FhirSerializer.SerializeToBytes(Builder().Build(Draft()).Bundle, FhirFormat.Xml);
        var validator = new MessageValidator(new ReceiverProfile { MaxMessageBytes = bytes.Length - 1 });
        var result = validator.Validate(bytes);

        Assert.Equal("20015", result.Outcome.Code);
        Assert.NotNull(result.Message);
        Assert.NotEqual(ItkUrls.UnreadableIdentifier, result.RespondsTo);
    }
}
