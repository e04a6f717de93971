using System.Net.Http.Headers;
using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Tests.Support;

namespace Itk3.Mesh.Server.Tests;

/// <summary>Admin endpoints behind their own token; unauthenticated lookups rate-limited and length-limited.</summary>
public sealed class SecurityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token-0123456789")]
    [InlineData("Bearer admin-token-012345678")]
    [InlineData("Basic admin-token-0123456789")]
    public async Task Admin_call_without_the_right_token_is_401_and_changes_nothing(string? authorization)
    {
        await using var f = await ServerFixture.StartAsync(TestConfig.WithAdmin());
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/admin/reset");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal([id], await f.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task Admin_report_without_the_token_cannot_fail_a_real_message()
    {
        await using var f = await ServerFixture.StartAsync(TestConfig.WithAdmin());
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        var body = $"{{\"mailbox_id\":\"X26ABC1\",\"code\":\"06\",\"event\":\"TRANSFER\",\"workflow_id\":\"TEST_WORKFLOW\",\"linked_message_id\":\"{id}\"}}";

        using var response = await f.Client.Http.PostAsync("/messageexchange/admin/report", new StringContent(body));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Empty(await f.Client.InboxAsync("X26ABC1"));
    }

    [Fact]
    public async Task Admin_call_with_the_token_is_served()
    {
        await using var f = await ServerFixture.StartAsync(TestConfig.WithAdmin());
        await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/admin/reset");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestConfig.AdminToken);

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task Server_with_admin_endpoints_on_and_no_token_refuses_to_start()
    {
        var config = TestConfig.Create() with { AdminEndpoints = true };

        var error = await Assert.ThrowsAsync<MeshConfigException>(() => MeshServer.StartAsync(new MeshServerOptions { Config = config }));

        Assert.Equal("adminToken", error.Field);
    }

    [Fact]
    public async Task Lookups_past_the_per_address_limit_are_429_with_retry_after_and_do_not_list_mailboxes()
    {
        var config = TestConfig.Create() with { Limits = new MeshLimits { LookupPermitsPerMinute = 3 } };
        await using var server = await MeshServer.StartAsync(new MeshServerOptions { Config = config, LookupWindow = TimeSpan.FromHours(1) });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var statuses = new List<int>();
        string lastBody = "";
        foreach (var path in new[] { "endpointlookup/X26/TEST_WORKFLOW", "workflowsearch/TEST_WORKFLOW", "endpointlookup/X27/TEST_WORKFLOW2", "endpointlookup/X26/TEST_WORKFLOW", "workflowsearch/TEST_WORKFLOW_ACK" })
        {
            using var response = await http.GetAsync("/messageexchange/" + path);
            statuses.Add((int)response.StatusCode);
            lastBody = await response.Content.ReadAsStringAsync();
            if (statuses.Count == 5)
            {
                Assert.Equal("3600", response.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.Equal([200, 200, 200, 429, 429], statuses);
        Assert.DoesNotContain("X26ABC", lastBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/messageexchange/endpointlookup/X26ABCDEFGHIJ/TEST_WORKFLOW", "ods_code")]
    [InlineData("/messageexchange/endpointlookup/X2%25/TEST_WORKFLOW", "ods_code")]
    [InlineData("/messageexchange/endpointlookup/X26/TEST_WORKFLOW_0123456789_0123456789_0123456789_0123456789_0123456789", "workflow_id")]
    [InlineData("/messageexchange/workflowsearch/TEST%20WORKFLOW", "workflow_id")]
    public async Task Lookup_with_an_over_long_or_malformed_key_is_400_naming_it(string path, string field)
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.GetAsync(path);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(field, body.RootElement.GetProperty("detail")[0].GetProperty("loc")[1].GetString());
    }

    [Fact]
    public async Task Lookup_keys_at_the_length_limits_are_answered()
    {
        await using var f = await ServerFixture.StartAsync();
        var ods = new string('A', 12);
        var workflow = new string('W', 64);

        using var response = await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Get, $"/messageexchange/endpointlookup/{ods}/{workflow}", null));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("{\"results\":[]}", await response.Content.ReadAsStringAsync());
    }
}
