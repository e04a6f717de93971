using System.Text;
using Itk3.Mesh.Server.Storage;

namespace Itk3.Mesh.Server.Tests.Units;

public sealed class MessageStoreTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("itk3-mesh-store-").FullName;

    [Fact]
    public async Task Compaction_keeps_a_chunk_written_before_its_message_record()
    {
        var options = new JournalOptions { CompactBytes = 1 };
        await using (var store = new MessageStore(_dataDir, options))
        {
            await store.LoadAsync(CancellationToken.None);
            using var body = new MemoryStream(Encoding.ASCII.GetBytes("in flight"));
            await store.WriteChunkAsync("A", 1, body, body.Length, 1000, CancellationToken.None);

            // This commit writes A's chunk too, then the journal (over its threshold) compacts before A's record arrives;
            // B is large so that A's record does not trigger a second compaction that would hide a lost chunk.
            var large = Message("B");
            large.Subject = new string('s', 2000);
            await store.Save(large, durable: true);
            await WaitForAsync(Journal.PathOf(store.JournalDirectory, 2));
            await store.Save(Message("A"), durable: true);
        }

        await using var reopened = new MessageStore(_dataDir, options);
        await reopened.LoadAsync(CancellationToken.None);
        Assert.NotNull(reopened.Find("A"));
        await using var chunk = reopened.Locate("A", 1).OpenRead();
        using var reader = new StreamReader(chunk);
        Assert.Equal("in flight", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task A_record_with_a_bad_checksum_ends_the_replay()
    {
        await using (var store = new MessageStore(_dataDir, new JournalOptions()))
        {
            await store.LoadAsync(CancellationToken.None);
            await store.Save(Message("A"), durable: true);
            await store.Save(Message("B"), durable: true);
        }

        var path = Journal.PathOf(Path.Combine(_dataDir, "journal"), 1);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^3] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        await using var reopened = new MessageStore(_dataDir, new JournalOptions());
        await reopened.LoadAsync(CancellationToken.None);
        Assert.NotNull(reopened.Find("A"));
        Assert.Null(reopened.Find("B"));
    }

    /// <summary>Compaction runs after the commit completes its waiters: wait until its file is in place.</summary>
    private static async Task WaitForAsync(string path)
    {
        for (var i = 0; i < 1000 && !File.Exists(path); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(File.Exists(path));
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private static StoredMessage Message(string id) => new()
    {
        MessageId = id, Sender = "X26ABC1", Recipient = "X26ABC2", WorkflowId = "TEST_WORKFLOW",
        TotalChunks = 1, ReceivedChunks = 1, Status = MessageStatus.Accepted,
    };
}
