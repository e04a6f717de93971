using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class GpProviderRoutingTests
{
    private const string Workflow = "TOC_FHIR_IP_DISCH";

    [Fact]
    public async Task GPPROVIDER_address_is_routed_to_the_registered_practice_mailbox()
    {
        await using var f = await ServerFixture.StartAsync();

        var id = await f.Client.SendAsync("X26ABC1", $"GPPROVIDER_{TestConfig.PatientAtGp1}_19670126_Smith", Workflow);

        Assert.Equal([id], await f.Client.InboxAsync("GP1MB01"));
        using var download = await f.Client.GetAsync($"/messageexchange/GP1MB01/inbox/{id}", "GP1MB01");
        Assert.Equal("GP1MB01", Header(download, "mex-to"));
        Assert.Empty(await f.Client.InboxAsync("X26ABC1"));
    }

    [Theory]
    [InlineData("GPPROVIDER_9434765918_19670126_Smith", "EPL-152")]
    [InlineData("GPPROVIDER_12345_19670126_Smith", "EPL-152")]
    [InlineData("GPPROVIDER_" + TestConfig.UnknownPatient + "_19670126_Smith", "EPL-153")]
    [InlineData("GPPROVIDER_" + TestConfig.PatientAtGp1 + "_19670127_Smith", "EPL-154")]
    [InlineData("GPPROVIDER_" + TestConfig.PatientAtGp1 + "_19670126_Smyth", "EPL-154")]
    [InlineData("GPPROVIDER_" + TestConfig.PatientWithoutMailbox + "_19900202_Brown", "EPL-151")]
    [InlineData("GPPROVIDER_" + TestConfig.PatientAtTwoMailboxes + "_19800101_Jones", "EPL-150")]
    public async Task Routing_failure_is_accepted_then_reported_to_the_sender(string address, string code)
    {
        await using var f = await ServerFixture.StartAsync();

        var id = await f.Client.SendAsync("X26ABC1", address, Workflow, tweak: r => r.Headers.Add("mex-LocalID", "discharge-1"));

        var reportId = Assert.Single(await f.Client.InboxAsync("X26ABC1"));
        using var report = await f.Client.GetAsync($"/messageexchange/X26ABC1/inbox/{reportId}", "X26ABC1");
        Assert.Equal("REPORT", Header(report, "mex-messagetype"));
        Assert.Equal(code, Header(report, "mex-statuscode"));
        Assert.Equal("SEND", Header(report, "mex-statusevent"));
        Assert.Equal(id, Header(report, "mex-linkedmsgid"));
        Assert.Equal("discharge-1", Header(report, "mex-localid"));
        Assert.Equal(Workflow, Header(report, "mex-workflowid"));

        var tracking = await TrackingAndLookupTests.TrackAsync(f, id, V2);
        Assert.Equal("error", tracking.GetProperty("status").GetString());
        Assert.Equal(code, tracking.GetProperty("status_code").GetString());
    }

    [Fact]
    public async Task GPPROVIDER_address_on_a_workflow_without_routing_is_417_code_12()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(
            f.Client.SendRequest("X26ABC1", $"GPPROVIDER_{TestConfig.PatientAtGp1}_19670126_Smith", "TEST_WORKFLOW2", "x"u8.ToArray()));

        await SendValidationTests.AssertErrorAsync(response, 417, "SEND", "12");
    }

    [Fact]
    public async Task Chunked_GPPROVIDER_message_is_routed_when_the_last_chunk_arrives()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", $"GPPROVIDER_{TestConfig.PatientAtGp1}_19670126_SMITH", Workflow,
            tweak: r => r.Headers.Add("mex-Chunk-Range", "1:2"));
        Assert.Empty(await f.Client.InboxAsync("GP1MB01"));

        using var request = f.Client.Request(HttpMethod.Post, $"/messageexchange/X26ABC1/outbox/{id}/2", "X26ABC1");
        request.Content = new ByteArrayContent("tail"u8.ToArray());
        request.Headers.Add("mex-Chunk-Range", "2:2");
        using (var response = await f.Client.Http.SendAsync(request))
        {
            Assert.Equal(202, (int)response.StatusCode);
        }

        Assert.Equal([id], await f.Client.InboxAsync("GP1MB01"));
    }
}
