using System.Text;
using Itk3.Mesh.Server.Storage;
using Itk3.Mesh.Server.Tests.Support;

namespace Itk3.Mesh.Server.Tests;

/// <summary>The journal's promise: a 202 means the send is on disk, whatever happens to the batch being written after it.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("itk3-mesh-crash-").FullName;
    private readonly ManualTimeProvider _time = new(ServerFixture.Start);

    [Fact]
    public async Task Every_send_answered_202_is_there_after_a_crash_between_journal_write_and_fsync()
    {
        var crash = new CrashSwitch();
        var accepted = new Dictionary<string, string>();
        var statuses = new List<int>();
        var failures = new List<Exception>();
        var journal = new JournalOptions { BeforeFlush = crash.Check, Failed = failures.Add };
        await using (var first = await ServerFixture.StartAsync(null, _dataDir, _time, journal))
        {
            for (var i = 0; i < 5; i++)
            {
                accepted[await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", $"before {i}")] = $"before {i}";
            }

            crash.Arm();
            var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => TrySendAsync(first.Client, $"during {i}")));
            statuses.AddRange(results.Select(r => r.Status));
            foreach (var (status, id, body) in results.Where(r => r.Status == 202))
            {
                accepted[id!] = body;
            }
        }

        Assert.NotNull(crash.Flush);
        Assert.IsType<IOException>(Assert.Single(failures));
        Assert.Contains(statuses, s => s != 202);
        LoseHalfOfTheUnflushedTail(crash.Flush!);

        await using var second = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time);
        var inbox = await second.Client.InboxAsync("X26ABC2");
        foreach (var (id, body) in accepted)
        {
            Assert.Contains(id, inbox);
            Assert.Equal(body, await DownloadAsync(second.Client, id));
        }
    }

    [Fact]
    public async Task A_send_whose_commit_fails_on_a_full_disk_is_never_visible_in_the_inbox_or_by_local_id()
    {
        // The journal's fsync reports ENOSPC through the store's own flush seam (no root needed to fill a real disk here).
        var full = new CrashSwitch("No space left on device");
        string kept;
        await using (var first = await ServerFixture.StartAsync(null, _dataDir, _time, new JournalOptions { BeforeFlush = full.Check }))
        {
            kept = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "kept");
            full.Arm();
            using var request = first.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", Encoding.UTF8.GetBytes("lost"));
            request.Headers.Add("mex-LocalID", "local-full-disk");
            using var response = await first.Client.Http.SendAsync(request);

            Assert.Equal(500, (int)response.StatusCode);
            Assert.Equal([kept], await first.Client.InboxAsync("X26ABC2"));
            using var tracked = await first.Client.GetAsync("/messageexchange/X26ABC1/outbox/tracking/local-full-disk", "X26ABC1");
            Assert.Equal(404, (int)tracked.StatusCode);
        }

        // On a full disk none of the failed batch reached the file.
        using (var file = new FileStream(full.Flush!.Path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(full.Flush.DurableLength);
        }

        await using var second = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time);
        Assert.Equal([kept], await second.Client.InboxAsync("X26ABC2"));
        using var afterRestart = await second.Client.GetAsync("/messageexchange/X26ABC1/outbox/tracking/local-full-disk", "X26ABC1");
        Assert.Equal(404, (int)afterRestart.StatusCode);
    }

    [Fact]
    public async Task A_restart_after_a_torn_tail_appends_after_the_cut_and_keeps_new_sends()
    {
        var crash = new CrashSwitch();
        string before;
        await using (var first = await ServerFixture.StartAsync(null, _dataDir, _time, new JournalOptions { BeforeFlush = crash.Check }))
        {
            before = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "kept");
            crash.Arm();
            Assert.NotEqual(202, (await TrySendAsync(first.Client, "lost")).Status);
        }

        LoseHalfOfTheUnflushedTail(crash.Flush!);
        string after;
        await using (var second = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time))
        {
            after = await second.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "new");
        }

        await using var third = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time);
        Assert.Equal([before, after], await third.Client.InboxAsync("X26ABC2"));
        Assert.Equal("new", await DownloadAsync(third.Client, after));
    }

    [Fact]
    public async Task Compaction_keeps_every_live_message_and_its_state_and_drops_deleted_ones()
    {
        var journal = new JournalOptions { CompactBytes = 4096 };
        var sent = new List<string>();
        await using (var first = await ServerFixture.StartAsync(null, _dataDir, _time, journal))
        {
            for (var i = 0; i < 40; i++)
            {
                sent.Add(await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", $"message {i} " + new string('x', 200)));
            }

            foreach (var id in sent.Where((_, i) => i % 2 == 0))
            {
                using (await first.Client.AcknowledgeAsync("X26ABC2", id))
                {
                }
            }

            for (var i = 0; i < 10; i++)
            {
                await first.Client.SendAsync("X26ABC1", "X26ABC3", "TEST_WORKFLOW2", new string('z', 300));
            }

            Assert.Equal(10, await first.Server.Admin.ResetMailboxAsync("X26ABC3"));
        }

        await using var second = await ServerFixture.StartAsync(null, _dataDir, _time, journal);
        var generation = Assert.Single(Directory.GetFiles(Path.Combine(_dataDir, "journal"), "*.log"));
        Assert.NotEqual(Journal.PathOf(Path.Combine(_dataDir, "journal"), 1), generation);
        var live = sent.Where((_, i) => i % 2 == 1).ToList();
        Assert.Empty(await second.Client.InboxAsync("X26ABC3"));
        Assert.Equal(live, await second.Client.InboxAsync("X26ABC2"));
        Assert.StartsWith($"message {sent.IndexOf(live[^1])} ", await DownloadAsync(second.Client, live[^1]));
        using var gone = await second.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{sent[0]}", "X26ABC2");
        Assert.Equal(410, (int)gone.StatusCode);
    }

    [Fact]
    public async Task A_chunk_above_the_inline_limit_is_kept_in_its_own_file_and_survives_a_restart()
    {
        var journal = new JournalOptions { InlineChunkLimit = 64 };
        var body = new string('y', 1000);
        string id;
        await using (var first = await ServerFixture.StartAsync(null, _dataDir, _time, journal))
        {
            id = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", body);
        }

        Assert.Equal(1000, new FileInfo(Path.Combine(_dataDir, "chunks", id, "1")).Length);
        await using var second = await ServerFixture.StartAsync(null, _dataDir, _time, journal);
        Assert.Equal(body, await DownloadAsync(second.Client, id));
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    /// <summary>What a power cut may do to bytes written but not fsynced: keep some of them, as a torn record.</summary>
    private static void LoseHalfOfTheUnflushedTail(JournalFlush flush)
    {
        using var file = new FileStream(flush.Path, FileMode.Open, FileAccess.Write);
        file.SetLength(flush.DurableLength + ((flush.WrittenLength - flush.DurableLength) / 2));
    }

    private static async Task<(int Status, string? Id, string Body)> TrySendAsync(MeshTestClient client, string body)
    {
        using var request = client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", Encoding.UTF8.GetBytes(body));
        using var response = await client.Http.SendAsync(request);
        var status = (int)response.StatusCode;
        var id = status == 202 ? MeshTestClient.Json(await response.Content.ReadAsStringAsync()).GetProperty("message_id").GetString() : null;
        return (status, id, body);
    }

    private static async Task<string> DownloadAsync(MeshTestClient client, string id)
    {
        using var response = await client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Once armed, kills the journal at the next batch, after the write and before the fsync.</summary>
    private sealed class CrashSwitch(string reason = "Simulated crash between write and fsync.")
    {
        private volatile bool _armed;

        public JournalFlush? Flush { get; private set; }

        public void Arm() => _armed = true;

        public void Check(JournalFlush flush)
        {
            if (_armed && Flush is null)
            {
                Flush = flush;
                throw new IOException(reason);
            }
        }
    }
}
