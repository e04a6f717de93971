using Itk3.Fhir.Serialization;
using Itk3.Messaging.Building;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Tests.Support;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;

namespace Itk3.Messaging.Tests.Serialization;

public sealed class WireFormatTests
{
    private static BuiltMessage Payload() => Builder().Build(Draft(receiver: Participant.Organization("A81001")));

    private static BuiltMessage Response(string code, bool infAck = false) =>
        ResponseFactory().CreateFor(new ItkMessage(Payload().Bundle), code, "diagnostic text", infAck);

    [Theory]
    [InlineData(FhirFormat.Xml, "payload-message.xml")]
    [InlineData(FhirFormat.Json, "payload-message.json")]
    public void Built_payload_message_matches_its_golden_file(FhirFormat format, string golden) =>
        Golden.AssertMatches(golden, FhirSerializer.SerializeToBytes(Payload().Bundle, format, WriteOptions.Pretty));

    [Theory]
    [InlineData("20013", FhirFormat.Xml, "response-20013.xml")]
    [InlineData("20006", FhirFormat.Xml, "response-20006.xml")]
    [InlineData("30001", FhirFormat.Json, "response-30001.json")]
    public void Built_response_matches_its_golden_file(string code, FhirFormat format, string golden) =>
        Golden.AssertMatches(golden, FhirSerializer.SerializeToBytes(Response(code, code.StartsWith('3')).Bundle, format, WriteOptions.Pretty));

    [Theory]
    [InlineData(FhirFormat.Xml)]
    [InlineData(FhirFormat.Json)]
    public void Serialized_messages_read_back_to_the_same_tree_and_are_accepted_with_20013(FhirFormat format)
    {
        foreach (var bundle in new[] { Payload().Bundle, Response("20013").Bundle, Response("30002", true).Bundle })
        {
            var bytes = FhirSerializer.SerializeToBytes(bundle, format);
            var parsed = FhirSerializer.Parse(bytes, format);
            Assert.True(parsed.Success, string.Join("; ", parsed.Issues));
            Assert.Equal(bytes, FhirSerializer.SerializeToBytes(parsed.Root!, format));
            Assert.Equal("20013", new MessageValidator(ReceiverProfile.Permissive).Validate(bytes).Outcome.Code);
        }
    }

    [Fact]
    public void Our_validator_accepts_every_response_we_generate_in_both_formats()
    {
        var validator = new MessageValidator(ReceiverProfile.Permissive);
        foreach (var code in Messaging.Codes.ResponseCodes.All.Where(c => !c.IsWithdrawn))
        {
            foreach (var format in new[] { FhirFormat.Xml, FhirFormat.Json })
            {
                var bytes = FhirSerializer.SerializeToBytes(Response(code.Code, code.Code.StartsWith('3')).Bundle, format);
                var result = validator.Validate(bytes);
                Assert.True(result.IsAccepted, $"{code.Code} {format}: {string.Join("; ", result.Findings)}");
                Assert.Equal(code.Code, result.Message!.Response!.Code);
            }
        }
    }

    [Fact]
    public void Findings_from_parsed_content_carry_line_and_column()
    {
        var text = System.Text.Encoding.UTF8.GetString(FhirSerializer.SerializeToBytes(Payload().Bundle, FhirFormat.Xml, WriteOptions.Pretty))
            .Replace("<type value=\"message\" />", "<type value=\"collection\" />", StringComparison.Ordinal);
        var result = new MessageValidator(ReceiverProfile.Permissive).Validate(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal("20006", result.Outcome.Code);
        Assert.True(result.Findings[0].Position.IsKnown);
        Assert.Equal("Bundle.type", result.Findings[0].Location);
    }
}
