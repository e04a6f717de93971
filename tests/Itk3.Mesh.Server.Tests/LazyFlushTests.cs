using System.Collections.Concurrent;
using Itk3.Mesh.Server.Storage;
using Itk3.Mesh.Server.Tests.Support;

namespace Itk3.Mesh.Server.Tests;

/// <summary>
/// Records nobody waits for (downloaded and acknowledged marks, used tokens) ride on the next durable fsync or an idle one:
/// a send still costs exactly one fsync and is on disk when answered; a power cut before that fsync only redelivers.
/// </summary>
public sealed class LazyFlushTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("itk3-mesh-lazy-").FullName;
    private readonly ManualTimeProvider _time = new(ServerFixture.Start);
    private readonly ConcurrentQueue<JournalFlush> _flushes = new();

    [Fact]
    public async Task Download_and_acknowledge_cost_no_fsync_and_the_next_send_carries_them_to_disk()
    {
        var journal = new JournalOptions { BeforeFlush = _flushes.Enqueue, LazyFlushDelay = TimeSpan.FromHours(1) };
        string first;
        string second;
        JournalFlush carried;
        await using (var server = await ServerFixture.StartAsync(null, _dataDir, _time, journal))
        {
            first = await server.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "one");
            var afterSend = _flushes.Count;
            using (await server.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{first}", "X26ABC2"))
            using (await server.Client.AcknowledgeAsync("X26ABC2", first))
            {
            }

            second = await server.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "two");
            Assert.Equal(afterSend + 1, _flushes.Count);
            carried = _flushes.Last();
        }

        // A power cut keeps only what the second send's fsync covered: the acknowledgement written before it is there.
        using (var file = new FileStream(carried.Path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(carried.WrittenLength);
        }

        await using var restarted = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time);
        Assert.Equal([second], await restarted.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task An_acknowledgement_lost_with_its_unsynced_tail_redelivers_the_message()
    {
        var journal = new JournalOptions { BeforeFlush = _flushes.Enqueue, LazyFlushDelay = TimeSpan.FromHours(1) };
        string id;
        long durable;
        await using (var server = await ServerFixture.StartAsync(null, _dataDir, _time, journal))
        {
            id = await server.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "kept");
            durable = _flushes.Last().WrittenLength;
            using (await server.Client.AcknowledgeAsync("X26ABC2", id))
            {
            }
        }

        // A power cut keeps only what was fsynced: the acknowledgement was written, not synced (shutdown synced it, so cut it).
        using (var file = new FileStream(Journal.PathOf(Path.Combine(_dataDir, "journal"), 1), FileMode.Open, FileAccess.Write))
        {
            Assert.True(file.Length > durable);
            file.SetLength(durable);
        }

        await using var restarted = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time);
        Assert.Equal([id], await restarted.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task An_idle_journal_fsyncs_an_acknowledgement_on_its_own_after_the_delay()
    {
        var idle = new TaskCompletionSource<JournalFlush>(TaskCreationOptions.RunContinuationsAsynchronously);
        var journal = new JournalOptions
        {
            BeforeFlush = f =>
            {
                if (f.Records == 0)
                {
                    idle.TrySetResult(f);
                }
            },
            LazyFlushDelay = TimeSpan.FromMilliseconds(50),
        };
        string id;
        JournalFlush flush;
        await using (var server = await ServerFixture.StartAsync(null, _dataDir, _time, journal))
        {
            id = await server.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "acked");
            using (await server.Client.AcknowledgeAsync("X26ABC2", id))
            {
            }

            flush = await idle.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }

        // A power cut right after the idle fsync keeps the acknowledgement.
        using (var file = new FileStream(flush.Path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(flush.WrittenLength);
        }

        await using var restarted = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: _time);
        Assert.Empty(await restarted.Client.InboxAsync("X26ABC2"));
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
