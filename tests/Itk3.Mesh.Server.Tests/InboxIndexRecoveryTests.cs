using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

/// <summary>The per-mailbox inbox index follows every change and is rebuilt from the journal after a restart.</summary>
public sealed class InboxIndexRecoveryTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("itk3-mesh-index-").FullName;
    private readonly ManualTimeProvider _time = new(ServerFixture.Start);

    [Fact]
    public async Task After_acknowledgements_a_mailbox_reset_and_a_restart_each_inbox_lists_and_counts_exactly_its_waiting_messages()
    {
        var waiting = new List<string>();
        await using (var first = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time))
        {
            for (var i = 0; i < 12; i++)
            {
                var id = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", $"m{i}");
                await first.Client.SendAsync("X26ABC1", "X26ABC3", "TEST_WORKFLOW2", $"other {i}");
                if (i % 3 == 0)
                {
                    using (await first.Client.AcknowledgeAsync("X26ABC2", id))
                    {
                    }
                }
                else
                {
                    waiting.Add(id);
                }
            }

            Assert.Equal(12, await first.Server.Admin.ResetMailboxAsync("X26ABC3"));
            Assert.Equal(waiting, await first.Client.InboxAsync("X26ABC2"));
        }

        await using var second = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time);
        Assert.Equal(waiting, await second.Client.InboxAsync("X26ABC2"));
        Assert.Empty(await second.Client.InboxAsync("X26ABC3"));
        Assert.Equal(waiting.Count, await CountAsync(second.Client, "X26ABC2"));
        Assert.Equal(0, await CountAsync(second.Client, "X26ABC3"));

        var late = await second.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "after restart");
        Assert.Equal([.. waiting, late], await second.Client.InboxAsync("X26ABC2"));
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private static async Task<int> CountAsync(MeshTestClient client, string mailbox)
    {
        using var response = await client.GetAsync($"/messageexchange/{mailbox}/count", mailbox);
        return Json(await response.Content.ReadAsStringAsync()).GetProperty("count").GetInt32();
    }
}
