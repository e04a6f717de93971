using System.Text;
using System.Text.Json;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;

namespace Itk3.Messaging.Tests.Validation;

public sealed class ProfileV2Tests
{
    private static ReceiverProfile WithPattern(FlowPattern pattern) => new() { Version = 2, Flows = [new ReceiverFlow { Event = "ITK003D", Pattern = pattern }] };

    [Fact]
    public void A_version_1_profile_still_reads_and_judges_as_before()
    {
        var profile = ReceiverProfile.FromJson("""{ "messageDefinitions": ["https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-3"], "events": ["ITK003D"] }""");
        Assert.Empty(profile.Flows);
        Assert.Equal("10005", new MessageValidator(profile).Validate(Builder().Build(Draft()).Bundle).Outcome.Code);
    }

    [Fact]
    public void The_sample_profile_reads_as_version_2_with_its_flows()
    {
        var profile = ReceiverProfile.FromJson(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "receiver-profile.json")));
        Assert.Equal(2, profile.Version);
        Assert.Contains(profile.Flows, f => f.Event == "ITK003D" && f.Pattern == FlowPattern.FullAcknowledgement);
        Assert.Contains(profile.Flows, f => f.Event == "ITK007C" && f.Pattern == FlowPattern.TechnicalAndBusiness);
    }

    [Theory]
    [InlineData("""{ "programme": "3.0" }""")]
    [InlineData("""{ "flows": [ { "event": "ITK003D", "recipients": { "kind": "everyone" } } ] }""")]
    [InlineData("""{ "flows": [ { "event": "ITK003D", "pattern": "sometimes" } ] }""")]
    public void A_profile_with_an_unknown_programme_extractor_or_pattern_is_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => ReceiverProfile.FromJson(json));

    [Theory]
    [InlineData(FlowPattern.FullAcknowledgement, true)]
    [InlineData(FlowPattern.TechnicalAndBusiness, false)]
    public void The_flow_pattern_decides_whether_the_business_response_asks_for_an_infrastructure_response(FlowPattern pattern, bool infAck)
    {
        var profile = WithPattern(pattern);
        var validation = new MessageValidator(profile).Validate(Builder().Build(Draft()).Bundle);
        var plan = new ResponsePlanner(profile).Plan(validation, ResponseCodes.Get("30001"));
        Assert.Equal(["20013", "30001"], plan.Responses.Select(r => r.Code.Code));
        Assert.Equal(infAck, plan.Responses[1].InfAckRequested);
    }

    [Theory]
    [InlineData("2.9", "30004", true)]
    [InlineData("2.9", "30005", false)]
    [InlineData("2.9", "20015", true)]
    [InlineData("2.10", "30025", true)]
    [InlineData("2.10", "10006", false)]
    public void The_programme_version_selects_the_response_code_set(string programme, string code, bool contained)
    {
        Assert.True(ResponseCodeSet.TryFor(programme, out var set));
        Assert.Equal(contained, set.Contains(code));
    }

    [Fact]
    public void A_received_response_with_a_code_its_programme_does_not_define_is_refused_with_20006()
    {
        var response = ResponseFactory().CreateFor(new ItkMessage(Builder().Build(Draft()).Bundle), "30010").Bundle;
        var bytes = Fhir.Serialization.FhirSerializer.SerializeToBytes(response, Fhir.Serialization.FhirFormat.Xml);
        Assert.Equal("20013", new MessageValidator(new ReceiverProfile { Programme = "2.10" }).Validate(bytes).Outcome.Code);
        Assert.Equal("20006", new MessageValidator(new ReceiverProfile { Programme = "2.9" }).Validate(bytes).Outcome.Code);
    }

    [Fact]
    public void MessageDefinition_resources_give_each_flow_its_event_url_version_and_support()
    {
        static (string, ReadOnlyMemory<byte>) Definition(string name, string version, string status, string eventCode) =>
            (name, Encoding.UTF8.GetBytes($$"""
                {"resourceType":"MessageDefinition","url":"https://fhir.nhs.uk/STU3/MessageDefinition/{{name}}","version":"{{version}}","status":"{{status}}",
                 "date":"2020-01-01","event":{"system":"https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2","code":"{{eventCode}}"},"category":"Notification"}
                """));
        var profile = MessageDefinitionResources.AddTo(new ReceiverProfile(),
        [
            Definition("ITK-eDischarge-MessageDefinition-4", "4.0.0", "active", "ITK003D"),
            Definition("ITK-eDischarge-MessageDefinition-3", "3.1.0", "retired", "ITK003D"),
            Definition("ITK-OPL-MessageDefinition-4", "4.0.0", "active", "ITK006D"),
        ]);
        Assert.Equal(["ITK003D", "ITK006D"], profile.Flows.Select(f => f.Event));
        Assert.Equal("4.0.0", profile.FlowFor("ITK003D")!.MessageDefinitions[0].Version);
        var validator = new MessageValidator(profile);
        Assert.Equal("20013", validator.Validate(Builder().Build(Draft()).Bundle).Outcome.Code);
        var retired = Draft() with { Handling = Handling() with { MessageDefinition = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-3" } };
        Assert.Equal("10005", validator.Validate(Builder().Build(retired).Bundle).Outcome.Code);
        var otherFlows = Draft() with { Handling = Handling() with { MessageDefinition = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-OPL-MessageDefinition-4" } };
        Assert.Equal("10004", validator.Validate(Builder().Build(otherFlows).Bundle).Outcome.Code);
        Assert.Throws<FormatException>(() => MessageDefinitionResources.AddTo(new ReceiverProfile(), [("bad.json", Encoding.UTF8.GetBytes("""{"resourceType":"Patient"}"""))]));
    }
}
