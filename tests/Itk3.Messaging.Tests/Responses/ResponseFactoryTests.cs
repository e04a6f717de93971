using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Tests.Support;

namespace Itk3.Messaging.Tests.Responses;

public sealed class ResponseFactoryTests
{
    [Theory]
    [MemberData(nameof(EmittableCodes))]
    public void Every_emittable_code_gives_a_response_that_reads_back_with_its_code_level_and_correlation(string code)
    {
        var original = new ItkMessage(Fixtures.Builder().Build(Fixtures.Draft()).Bundle);
        var response = new ItkMessage(Fixtures.ResponseFactory().CreateFor(original, code).Bundle);
        var view = response.Response!;
        var entry = ResponseCodes.Get(code);

        Assert.True(response.HeaderIsFirst);
        Assert.Equal("ITK008M", response.Header!.EventCode);
        Assert.Equal(ItkUrls.ResponseMessageDefinition, response.Header.Handling!.MessageDefinition);
        Assert.Equal(original.MessageId, view.RespondsTo);
        Assert.Equal([code], view.Codes);
        Assert.Equal(entry.Level, view.Level);
        Assert.Equal(entry.IsPositive, view.IsPositive);
        Assert.Equal(entry.HeaderResponseCode, view.HeaderResponseCode);
        Assert.Equal("ref-123", response.Header.Handling.SenderReference);
        Assert.Equal(false, response.Header.Handling.BusAckRequested);
    }

    public static TheoryData<string> EmittableCodes() => [.. ResponseCodes.All.Where(c => !c.IsWithdrawn).Select(c => c.Code)];

    [Fact]
    public void Unreadable_original_is_answered_with_the_fixed_identifier()
    {
        var response = new ItkMessage(Fixtures.ResponseFactory().CreateFor(null, ResponseCodes.Unreadable).Bundle);

        Assert.Equal(ItkUrls.UnreadableIdentifier, response.Response!.RespondsTo);
        Assert.Equal("None", response.Header!.Handling!.SenderReference);
    }

    [Fact]
    public void Business_response_in_full_acknowledgement_requests_an_infrastructure_response()
    {
        var original = new ItkMessage(Fixtures.Builder().Build(Fixtures.Draft()).Bundle);
        var response = new ItkMessage(Fixtures.ResponseFactory().CreateFor(original, "30001", requestInfAck: true).Bundle);

        Assert.Equal(true, response.Header!.Handling!.InfAckRequested);
    }

    [Fact]
    public void Diagnostics_are_carried_in_the_issue()
    {
        var response = Fixtures.ResponseFactory().CreateFor(null, ResponseCodes.Unreadable, "not well-formed XML").Bundle;
        var outcome = new ItkMessage(response).Response!.Details!.Resource!;

        Assert.Equal("not well-formed XML", outcome.Select("issue.diagnostics")!.Value);
    }
}
