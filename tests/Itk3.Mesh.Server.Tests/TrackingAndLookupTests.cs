using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class TrackingAndLookupTests
{
    [Fact]
    public async Task V2_tracking_follows_accepted_then_acknowledged_with_the_sandbox_fields()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", tweak: r =>
        {
            r.Headers.Add("mex-LocalID", "local-123");
            r.Headers.Add("mex-FileName", "bundle.json");
        });

        var before = await TrackAsync(f, id, V2);
        using (await f.Client.AcknowledgeAsync("X26ABC2", id))
        {
        }

        var after = await TrackAsync(f, id, V2);
        string[] expected =
        [
            "message_id", "local_id", "workflow_id", "filename", "expiry_time", "upload_timestamp", "recipient", "recipient_name",
            "recipient_ods_code", "recipient_org_code", "recipient_org_name", "status_success", "status",
        ];
        Assert.Equal(expected, before.EnumerateObject().Select(p => p.Name));
        Assert.Equal("accepted", before.GetProperty("status").GetString());
        Assert.Equal("acknowledged", after.GetProperty("status").GetString());
        Assert.Equal("2026-11-26T05:24:26.000000", after.GetProperty("expiry_time").GetString());
        Assert.Equal("2026-11-21T05:24:26.000000", after.GetProperty("upload_timestamp").GetString());
        Assert.Equal("TESTMB2", after.GetProperty("recipient_name").GetString());
        Assert.Equal("X26", after.GetProperty("recipient_ods_code").GetString());
        Assert.True(after.GetProperty("status_success").GetBoolean());
    }

    [Fact]
    public async Task V1_tracking_has_the_sandbox_camel_case_shape()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "12345");
        using (await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2"))
        {
        }

        using (await f.Client.AcknowledgeAsync("X26ABC2", id))
        {
        }

        var json = await TrackAsync(f, id, "*/*");

        Assert.Equal(id, json.GetProperty("dtsId").GetString());
        Assert.Equal("Acknowledged", json.GetProperty("status").GetString());
        Assert.Equal("SUCCESS", json.GetProperty("statusSuccess").GetString());
        Assert.Equal("20261121052426", json.GetProperty("downloadTimestamp").GetString());
        Assert.Equal("20261126052426", json.GetProperty("expiryTime").GetString());
        Assert.Equal(5, json.GetProperty("fileSize").GetInt32());
        Assert.Equal("Data", json.GetProperty("messageType").GetString());
        Assert.Equal("TESTMB1", json.GetProperty("senderName").GetString());
    }

    [Fact]
    public async Task Tracking_an_unknown_or_someone_elses_message_is_404_not_403()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        using var unknown = await f.Client.GetAsync("/messageexchange/X26ABC1/outbox/tracking?messageID=NOPE", "X26ABC1");
        using var foreign = await f.Client.GetAsync($"/messageexchange/X26ABC2/outbox/tracking?messageID={id}", "X26ABC2");

        await SendValidationTests.AssertErrorAsync(unknown, 404, "", "");
        Assert.Equal(404, (int)foreign.StatusCode);
    }

    [Fact]
    public async Task Tracking_without_messageID_is_a_400_validation_error()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.GetAsync("/messageexchange/X26ABC1/outbox/tracking", "X26ABC1");

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task Deprecated_tracking_by_local_id_finds_one_and_refuses_duplicates_with_300()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", tweak: r => r.Headers.Add("mex-LocalID", "once"));
        for (var i = 0; i < 2; i++)
        {
            await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", tweak: r => r.Headers.Add("mex-LocalID", "twice"));
        }

        using var one = await f.Client.GetAsync("/messageexchange/X26ABC1/outbox/tracking/once", "X26ABC1");
        using var two = await f.Client.GetAsync("/messageexchange/X26ABC1/outbox/tracking/twice", "X26ABC1");

        Assert.Equal(id, Json(await one.Content.ReadAsStringAsync()).GetProperty("messageId").GetString());
        Assert.Equal(300, (int)two.StatusCode);
    }

    [Fact]
    public async Task Endpoint_lookup_v2_returns_the_registered_mailbox_for_ods_and_workflow()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Get, "/messageexchange/endpointlookup/X26/TEST_WORKFLOW", null));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("{\"results\":[{\"mailbox_id\":\"X26ABC2\",\"mailbox_name\":\"TESTMB2\"}]}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Endpoint_lookup_v1_has_query_id_and_address_results()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Get, "/messageexchange/endpointlookup/X27/TEST_WORKFLOW2", null, "*/*"));

        var json = Json(await response.Content.ReadAsStringAsync());
        Assert.Matches("^[0-9a-f]{32}$", json.GetProperty("query_id").GetString());
        var result = json.GetProperty("results")[0];
        Assert.Equal(("X26ABC3", "TESTMB3", "MESH"),
            (result.GetProperty("address").GetString(), result.GetProperty("description").GetString(), result.GetProperty("endpoint_type").GetString()));
    }

    [Fact]
    public async Task Endpoint_lookup_for_an_unregistered_pair_is_an_empty_result()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Get, "/messageexchange/endpointlookup/X27/TEST_WORKFLOW", null));

        Assert.Equal("{\"results\":[]}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Workflow_search_lists_every_receiving_mailbox()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Get, "/messageexchange/workflowsearch/TEST_WORKFLOW_ACK", null));

        Assert.Equal(
            "{\"results\":[{\"mailbox_id\":\"X26ABC1\",\"mailbox_name\":\"TESTMB1\"},{\"mailbox_id\":\"X26ABC3\",\"mailbox_name\":\"TESTMB3\"}]}",
            await response.Content.ReadAsStringAsync());
    }

    internal static async Task<System.Text.Json.JsonElement> TrackAsync(ServerFixture f, string id, string accept, string mailbox = "X26ABC1")
    {
        using var response = await f.Client.GetAsync($"/messageexchange/{mailbox}/outbox/tracking?messageID={id}", mailbox, accept);
        Assert.Equal(200, (int)response.StatusCode);
        return Json(await response.Content.ReadAsStringAsync());
    }
}
