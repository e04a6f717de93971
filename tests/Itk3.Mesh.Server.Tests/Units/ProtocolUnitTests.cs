using Itk3.Mesh.Server.Delivery;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Tests.Support;

namespace Itk3.Mesh.Server.Tests.Units;

public sealed class ProtocolUnitTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("*/*", 1)]
    [InlineData("application/json", 1)]
    [InlineData("application/vnd.mesh.v1+json", 1)]
    [InlineData("application/vnd.mesh.v2+json", 2)]
    [InlineData("application/vnd.mesh.v2+json; q=1", 2)]
    [InlineData("APPLICATION/VND.MESH.V2+JSON", 2)]
    [InlineData("application/vnd.mesh.v3+json", 0)]
    [InlineData("application/vnd.mesh.v2+json, application/json", 0)]
    public void Negotiates_the_api_version_from_accept(string? accept, int expected)
    {
        Assert.Equal(expected, ApiVersion.Negotiate(accept));
    }

    [Theory]
    [InlineData("TOC_FHIR_IP_DISCH", "TOC_FHIR_IP_DISCH", true)]
    [InlineData("TOC_FHIR_IP_DISCH", "TOC_FHIR_IP_DISCH_ACK", false)]
    [InlineData("TOC_*", "TOC_FHIR_IP_DISCH", true)]
    [InlineData("!TOC_*", "TOC_FHIR_IP_DISCH", false)]
    [InlineData("*_ACK*", "TOC_FHIR_IP_DISCH_ACK", true)]
    [InlineData("!*_ACK*", "TOC_FHIR_IP_DISCH_ACK", false)]
    [InlineData("!*_ACK*", "TOC_FHIR_IP_DISCH", true)]
    public void Workflow_filter_matches(string filter, string workflow, bool expected)
    {
        Assert.Equal(expected, WorkflowFilter.Parse(filter)!.Matches(workflow));
    }

    [Theory]
    [InlineData("X")]
    [InlineData("**")]
    [InlineData("A*B")]
    [InlineData("!*")]
    public void Workflow_filter_rejects_malformed_patterns(string filter)
    {
        Assert.Null(WorkflowFilter.Parse(filter));
    }

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("9434765870", true)]
    [InlineData("9434765918", false)]
    [InlineData("943476591", false)]
    [InlineData("94347659190", false)]
    [InlineData("943476591X", false)]
    [InlineData("9000000050", false)]
    public void Validates_nhs_number_check_digit(string nhsNumber, bool expected)
    {
        Assert.Equal(expected, GpProviderRouter.IsValidNhsNumber(nhsNumber));
    }

    [Fact]
    public void Message_ids_take_the_time_to_the_microsecond_and_a_seeded_suffix()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2020, 5, 29, 15, 53, 57, TimeSpan.Zero).AddTicks(8953170));

        var first = new MessageIdGenerator(time, new Random(7)).Next();
        var again = new MessageIdGenerator(time, new Random(7)).Next();

        Assert.Matches("^20200529155357895317_[0-9A-F]{6}$", first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Continuation_token_in_the_next_link_parses_back_to_the_last_position()
    {
        var query = new InboxQuery(10, 0, null, "/messageexchange/X/inbox?max_results=10");
        var next = new Uri(new Uri("http://localhost"), query.NextLink(42));
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Path = next.AbsolutePath;
        context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(next.Query);

        var parsed = InboxQuery.Parse(context.Request, out var failure);

        Assert.Null(failure);
        Assert.Equal((10, 42L, "/messageexchange/X/inbox?max_results=10"), (parsed!.MaxResults, parsed.ContinueAfter, parsed.SelfLink));
    }
}
