using Itk3.Mesh.Server.Tests.Support;

namespace Itk3.Mesh.Server.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_sends_all_arrive_with_distinct_ids()
    {
        await using var f = await ServerFixture.StartAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", $"body {i}")));

        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal(ids.Order(), (await f.Client.InboxAsync("X26ABC2", "?max_results=100")).Order());
    }

    [Fact]
    public async Task Parallel_acknowledgements_of_one_message_all_succeed()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => f.Client.AcknowledgeAsync("X26ABC2", id)));

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
