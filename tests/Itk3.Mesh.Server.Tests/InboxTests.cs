using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class InboxTests
{
    [Fact]
    public async Task V2_listing_has_links_and_approx_count_and_v1_only_messages()
    {
        await using var f = await ServerFixture.StartAsync();
        var a = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        var b = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        using var v2 = await f.Client.GetAsync("/messageexchange/X26ABC2/inbox", "X26ABC2");
        using var v1 = await f.Client.GetAsync("/messageexchange/X26ABC2/inbox", "X26ABC2", accept: "*/*");

        Assert.Equal(V2, v2.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            $"{{\"messages\":[\"{a}\",\"{b}\"],\"links\":{{\"self\":\"/messageexchange/X26ABC2/inbox\"}},\"approx_inbox_count\":2}}",
            await v2.Content.ReadAsStringAsync());
        Assert.Equal("application/json", v1.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{{\"messages\":[\"{a}\",\"{b}\"]}}", await v1.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_of_max_results_follow_links_next_until_the_end()
    {
        await using var f = await ServerFixture.StartAsync();
        var sent = new List<string>();
        for (var i = 0; i < 13; i++)
        {
            f.Time.Advance(TimeSpan.FromSeconds(1));
            sent.Add(await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW"));
        }

        using var first = await f.Client.GetAsync("/messageexchange/X26ABC2/inbox?max_results=10", "X26ABC2");
        var page1 = Json(await first.Content.ReadAsStringAsync());
        var next = page1.GetProperty("links").GetProperty("next").GetString()!;
        Assert.Equal("/messageexchange/X26ABC2/inbox?max_results=10", page1.GetProperty("links").GetProperty("self").GetString());
        Assert.StartsWith("/messageexchange/X26ABC2/inbox?max_results=10&continue_from=", next);
        Assert.Equal(13, page1.GetProperty("approx_inbox_count").GetInt32());

        using var second = await f.Client.GetAsync(next, "X26ABC2");
        var page2 = Json(await second.Content.ReadAsStringAsync());
        Assert.False(page2.GetProperty("links").TryGetProperty("next", out _));

        var all = page1.GetProperty("messages").EnumerateArray().Concat(page2.GetProperty("messages").EnumerateArray())
            .Select(e => e.GetString()!).ToList();
        Assert.Equal(sent, all);
    }

    [Theory]
    [InlineData("%2A_ACK%2A", 2)]
    [InlineData("%21%2A_ACK%2A", 1)]
    [InlineData("TEST_WORKFLOW_ACK", 2)]
    [InlineData("%21TEST_WORKFLOW_ACK", 1)]
    [InlineData("TEST%2A", 3)]
    public async Task Workflow_filter_selects_by_equals_prefix_contains_and_negation(string filter, int expected)
    {
        await using var f = await ServerFixture.StartAsync();
        await f.Client.SendAsync("X26ABC2", "X26ABC1", "TEST_WORKFLOW_ACK");
        await f.Client.SendAsync("X26ABC2", "X26ABC1", "TEST_WORKFLOW_ACK");
        await f.Client.SendAsync("X26ABC1", "X26ABC1", "TEST_WORKFLOW2");

        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC1/inbox?workflow_filter={filter}", "X26ABC1");
        var json = Json(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, json.GetProperty("messages").GetArrayLength());
        Assert.Equal(3, json.GetProperty("approx_inbox_count").GetInt32());
        Assert.Equal($"/messageexchange/X26ABC1/inbox?workflow_filter={filter}", json.GetProperty("links").GetProperty("self").GetString());
    }

    [Theory]
    [InlineData("max_results=5")]
    [InlineData("max_results=5001")]
    [InlineData("max_results=ten")]
    [InlineData("workflow_filter=X")]
    [InlineData("continue_from=%21%21%21")]
    public async Task Invalid_query_is_a_400_validation_error(string query)
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox?{query}", "X26ABC2");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("query", Json(await response.Content.ReadAsStringAsync()).GetProperty("detail")[0].GetProperty("loc")[0].GetString());
    }

    [Fact]
    public async Task Count_reports_inbox_size_in_v2_and_v1_shapes()
    {
        await using var f = await ServerFixture.StartAsync();
        await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        using var v2 = await f.Client.GetAsync("/messageexchange/X26ABC2/count", "X26ABC2");
        using var v1 = await f.Client.GetAsync("/messageexchange/X26ABC2/count", "X26ABC2", accept: "*/*");

        Assert.Equal("{\"count\":1}", await v2.Content.ReadAsStringAsync());
        var json = Json(await v1.Content.ReadAsStringAsync());
        Assert.Equal(1, json.GetProperty("count").GetInt32());
        Assert.True(json.GetProperty("allResultsIncluded").GetBoolean());
        Assert.Equal(32, json.GetProperty("internalID").GetString()!.Length);
    }

    [Fact]
    public async Task Ping_and_health_answer_without_a_token()
    {
        await using var f = await ServerFixture.StartAsync();

        foreach (var path in new[] { "/messageexchange/_ping", "/health" })
        {
            using var response = await f.Client.Http.GetAsync(path);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("running", Json(await response.Content.ReadAsStringAsync()).GetProperty("status").GetString());
        }
    }
}
