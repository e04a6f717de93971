using System.Text;
using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class CoreFlowTests
{
    [Fact]
    public async Task Handshake_v2_returns_200_with_an_empty_body()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Post, "/messageexchange/X26ABC1", "X26ABC1");
        AddClientHeaders(request);

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Handshake_v1_returns_the_mailbox_id_and_also_works_with_GET()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, "/messageexchange/X26ABC1", "X26ABC1", accept: "*/*");
        AddClientHeaders(request);

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"mailboxId\":\"X26ABC1\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Handshake_without_mex_client_headers_is_a_400_listing_each_missing_header()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Post, "/messageexchange/X26ABC1", "X26ABC1");

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        var detail = Json(await response.Content.ReadAsStringAsync()).GetProperty("detail");
        var missing = detail.EnumerateArray().Select(d => d.GetProperty("loc")[1].GetString()).ToList();
        Assert.Equal(["mex-clientversion", "mex-osname", "mex-osversion"], missing);
    }

    [Fact]
    public async Task Send_list_download_acknowledge_round_trip()
    {
        await using var f = await ServerFixture.StartAsync();
        const string body = "{\"resourceType\":\"Bundle\",\"type\":\"message\",\"entry\":[]}";
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", body, r =>
        {
            r.Headers.Add("mex-LocalID", "local-123");
            r.Headers.Add("mex-FileName", "bundle.json");
            r.Headers.Add("mex-Subject", "itk3 test");
        });

        Assert.Matches("^[0-9]{20}_[0-9A-F]{6}$", id);
        Assert.StartsWith("20261121052426000000_", id);
        Assert.Equal([id], await f.Client.InboxAsync("X26ABC2"));

        using var download = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        Assert.Equal(200, (int)download.StatusCode);
        Assert.Equal(body, await download.Content.ReadAsStringAsync());
        Assert.Equal("application/fhir+json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("X26ABC1", Header(download, "mex-from"));
        Assert.Equal("X26ABC2", Header(download, "mex-to"));
        Assert.Equal("TEST_WORKFLOW", Header(download, "mex-workflowid"));
        Assert.Equal("1:1", Header(download, "mex-chunk-range"));
        Assert.Equal("DATA", Header(download, "mex-messagetype"));
        Assert.Equal(id, Header(download, "mex-messageid"));
        Assert.Equal("local-123", Header(download, "mex-localid"));
        Assert.Equal("bundle.json", Header(download, "mex-filename"));
        Assert.Equal("00", Header(download, "mex-statuscode"));
        Assert.Equal("SUCCESS", Header(download, "mex-statussuccess"));
        Assert.Equal("20261121052426", Header(download, "mex-statustimestamp"));
        Assert.Equal("application/fhir+json", Header(download, "mex-content-type"));

        using var ack = await f.Client.AcknowledgeAsync("X26ABC2", id);
        Assert.Equal(200, (int)ack.StatusCode);
        Assert.Equal(0, ack.Content.Headers.ContentLength);
        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task Send_responses_carry_the_v2_and_v1_member_names()
    {
        await using var f = await ServerFixture.StartAsync();
        var payload = Encoding.UTF8.GetBytes("x");

        using var v2 = await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", payload));
        using var v1 = await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", payload, accept: null));

        Assert.Equal(202, (int)v2.StatusCode);
        Assert.Equal("application/json", v2.Content.Headers.ContentType!.MediaType);
        Assert.True(Json(await v2.Content.ReadAsStringAsync()).TryGetProperty("message_id", out _));
        Assert.True(Json(await v1.Content.ReadAsStringAsync()).TryGetProperty("messageID", out _));
    }

    private static void AddClientHeaders(HttpRequestMessage request)
    {
        request.Headers.Add("mex-ClientVersion", "itk3-tests==0.1");
        request.Headers.Add("mex-OSName", "Linux");
        request.Headers.Add("mex-OSVersion", "6.1");
    }
}
