using System.Text;
using Itk3.Mesh.Errors;

namespace Itk3.Mesh.Tests.Errors;

public sealed class MeshErrorParserTests
{
    private static MeshError Parse(string body) => MeshErrorParser.Parse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Reads_code_event_and_description_from_a_v1_body()
    {
        var error = Parse("""{"errorEvent":"SEND","errorCode":"12","errorDescription":"Unregistered to address"}""");

        Assert.Equal(("12", "SEND", "Unregistered to address"), (error.Code, error.Event, error.Description));
    }

    [Fact]
    public void Reads_the_first_detail_and_message_id_from_a_v2_body()
    {
        var error = Parse("""{"message_id":"C8EC","detail":[{"event":"SEND","code":"InvalidHeaderChunks","msg":"Invalid chunk values"},{"event":"X","code":"99","msg":"y"}]}""");

        Assert.Equal(("InvalidHeaderChunks", "SEND", "C8EC"), (error.Code, error.Event, error.MessageId));
    }

    [Fact]
    public void Treats_a_validation_body_as_having_no_mesh_code_but_names_the_field()
    {
        var error = Parse("""{"detail":[{"loc":["header","mex-to"],"msg":"field required","type":"value_error.missing"}]}""");

        Assert.Equal(string.Empty, error.Code);
        Assert.Contains("mex-to", error.Description);
    }

    [Fact]
    public void Keeps_empty_code_when_v2_body_carries_none()
    {
        var error = Parse("""{"detail":[{"event":"","code":"","msg":"Not Found"}]}""");

        Assert.Equal((string.Empty, string.Empty), (error.Code, error.Event));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<soap:Envelope>oops</soap:Envelope>")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"detail\":42}")]
    [InlineData("{\"detail\":[]}")]
    [InlineData("{\"errorCode\":12}")]
    public void Never_throws_on_bodies_that_are_not_mesh_errors(string body)
    {
        var error = Parse(body);

        Assert.Equal(string.Empty, error.Code);
    }
}
