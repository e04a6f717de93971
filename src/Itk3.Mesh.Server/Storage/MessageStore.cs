using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Itk3.Mesh.Server.Security;

namespace Itk3.Mesh.Server.Storage;

/// <summary>
/// The durable message store. Every change is a record in an append-only journal (<c>journal/{generation}.log</c>) with
/// group commit; chunks up to <see cref="JournalOptions.InlineChunkLimit"/> live inline in it, larger ones in
/// <c>chunks/{id}/{n}</c> (fsynced before their record). All metadata is held in memory too; reads are lock-free, and
/// callers mutate only while holding <see cref="Gate"/>, then await the returned commit after releasing it.
/// </summary>
internal sealed class MessageStore : IAsyncDisposable
{
    internal static JsonTypeInfo<StoredMessage> MessageJson => StoreJsonContext.Default.StoredMessage;

    private readonly ConcurrentDictionary<string, StoredMessage> _messages = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Id, int Number), ChunkLocation> _chunks = new();
    private readonly JournalOptions _options;
    private readonly string _chunksDir;
    private Journal? _journal;
    private long _sequence;

    public MessageStore(string root, JournalOptions options)
    {
        Root = root;
        _options = options;
        _chunksDir = Path.Combine(root, "chunks");
        JournalDirectory = Path.Combine(root, "journal");
        Directory.CreateDirectory(_chunksDir);
        Directory.CreateDirectory(JournalDirectory);
        Tokens = new TokenReplayCache(RecordToken);
    }

    /// <summary>The used-token memory, persisted in the journal so that a replay after a restart is still refused.</summary>
    public TokenReplayCache Tokens { get; }

    /// <summary>The data directory.</summary>
    public string Root { get; }

    /// <summary>Where the journal generations live.</summary>
    public string JournalDirectory { get; }

    /// <summary>Serialises every read-modify-write of message metadata.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public IEnumerable<StoredMessage> Messages => _messages.Values;

    /// <summary>Each mailbox's delivered, unacknowledged messages in delivery order (kept with every visible change).</summary>
    public InboxIndex Inboxes { get; } = new();

    private Journal Journal => _journal ?? throw new InvalidOperationException("The store is not loaded.");

    /// <summary>Replays the newest journal (a torn tail is dropped), imports a legacy <c>messages/*.json</c> store, opens for appends.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        foreach (var temp in Directory.EnumerateFiles(Root, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories))
        {
            File.Delete(temp);
        }

        var generations = Directory.EnumerateFiles(JournalDirectory, "*.log")
            .Select(f => long.TryParse(Path.GetFileNameWithoutExtension(f), out var g) ? g : -1).Where(g => g > 0).Order().ToList();
        var generation = generations.Count > 0 ? generations[^1] : 1;
        generations.Where(g => g != generation).ToList().ForEach(g => File.Delete(Journal.PathOf(JournalDirectory, g)));
        var path = Journal.PathOf(JournalDirectory, generation);
        var valid = File.Exists(path) ? await JournalReader.ReplayAsync(path, e => Apply(e, path), ct).ConfigureAwait(false) : 0;
        foreach (var orphan in _chunks.Keys.Where(k => !_messages.ContainsKey(k.Id)).ToList())
        {
            _chunks.TryRemove(orphan, out _);
        }

        _journal = Journal.Open(JournalDirectory, generation, valid, _options, SnapshotAsync);
        await LegacyStore.ImportAsync(Root, this, ct).ConfigureAwait(false);
    }

    public StoredMessage? Find(string messageId) => _messages.GetValueOrDefault(messageId);

    public long NextSequence() => ++_sequence;

    /// <summary>Records the message's current state (call under <see cref="Gate"/>); the task completes when it is durable.</summary>
    public Task Save(StoredMessage message, bool durable)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, MessageJson);
        Publish(message);
        _sequence = Math.Max(_sequence, message.Sequence);
        return Journal.Append(new JournalRecord(JournalRecordKind.Message, message.MessageId, 0, bytes), durable);
    }

    /// <summary>
    /// Records a new state of a message that must not be seen before it is durable (call under <see cref="Gate"/>, with a
    /// copy from <see cref="Copy"/> or a new message): it replaces the visible one only once its record is fsynced, so a
    /// failed commit (a full disk) leaves nothing visible that a restart would lose.
    /// </summary>
    public Task SaveVisibleWhenDurable(StoredMessage message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, MessageJson);
        _sequence = Math.Max(_sequence, message.Sequence);
        return Journal.Append(new JournalRecord(JournalRecordKind.Message, message.MessageId, 0, bytes, (_, _) => Publish(message)), durable: true);
    }

    /// <summary>A detached copy of a message, to change without changing what readers see.</summary>
    public static StoredMessage Copy(StoredMessage message) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(message, MessageJson), MessageJson)!;

    /// <summary>
    /// Stores chunk <paramref name="number"/>; returns its size, or -1 when it is larger than <paramref name="limit"/>. A small
    /// chunk is queued for the journal (durable with the message record that follows it); a large one is written to its own file.
    /// </summary>
    public async Task<long> WriteChunkAsync(string messageId, int number, Stream body, long? contentLength, long limit, CancellationToken ct)
    {
        var inlineLimit = Math.Min(limit, _options.InlineChunkLimit);
        var head = contentLength > inlineLimit ? [] : await ReadUpToAsync(body, inlineLimit + 1, contentLength, ct).ConfigureAwait(false);
        var key = (messageId, number);
        if (head.Length <= inlineLimit && !(contentLength > inlineLimit))
        {
            if (head.Length > 0)
            {
                WriteInline(key, head);
            }

            return head.Length;
        }

        var dir = Path.Combine(_chunksDir, messageId);
        var created = !Directory.Exists(dir);
        Directory.CreateDirectory(dir);
        if (created)
        {
            DirectorySync.Flush(_chunksDir);
        }

        var size = await AtomicFile.WriteAsync(ChunkPath(messageId, number), head, body, limit, ct).ConfigureAwait(false);
        if (size >= 0)
        {
            _chunks.TryRemove(key, out _);
            _ = Journal.Append(new JournalRecord(JournalRecordKind.ChunkInFile, messageId, number, ReadOnlyMemory<byte>.Empty), durable: false);
        }

        return size;
    }

    /// <summary>Where chunk <paramref name="number"/> of a message is; throws <see cref="FileNotFoundException"/> when it is missing.</summary>
    public ChunkLocation Locate(string messageId, int number)
    {
        if (_chunks.TryGetValue((messageId, number), out var location))
        {
            return location;
        }

        var path = ChunkPath(messageId, number);
        return File.Exists(path) ? ChunkLocation.WholeFile(path) : throw new FileNotFoundException("Chunk not stored.", path);
    }

    /// <summary>Deletes a message and its chunks (call under <see cref="Gate"/>); the task completes when it is durable.</summary>
    public Task Delete(string messageId, bool durable)
    {
        Inboxes.Remove(messageId);
        if (_messages.TryRemove(messageId, out var message))
        {
            for (var n = 1; n <= Math.Max(1, message.TotalChunks); n++)
            {
                _chunks.TryRemove((message.MessageId, n), out _);
            }
        }

        DeleteChunkFiles(messageId);
        return Journal.Append(new JournalRecord(JournalRecordKind.Delete, messageId, 0, ReadOnlyMemory<byte>.Empty), durable);
    }

    /// <summary>Removes chunk 1 of a message that was never recorded (a refused upload).</summary>
    public void DiscardChunks(string messageId)
    {
        _chunks.TryRemove((messageId, 1), out _);
        DeleteChunkFiles(messageId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync().ConfigureAwait(false);
        }

        Gate.Dispose();
    }

    private string ChunkPath(string messageId, int number) =>
        Path.Combine(_chunksDir, messageId, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private void DeleteChunkFiles(string messageId)
    {
        var dir = Path.Combine(_chunksDir, messageId);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private void WriteInline((string Id, int Number) key, byte[] bytes)
    {
        var queued = ChunkLocation.Queued(bytes);
        _chunks[key] = queued;
        var record = new JournalRecord(JournalRecordKind.Chunk, key.Id, key.Number, bytes,
            (path, offset) => _chunks.TryUpdate(key, ChunkLocation.JournalSlice(path, offset, bytes.Length), queued));
        _ = Journal.Append(record, durable: false);
    }

    /// <summary>
    /// Journals a used token with the next batch (no fsync of its own: a send's token is durable with its message; a token
    /// of a read-only call used in the last instants before a crash may be forgotten).
    /// </summary>
    private void RecordToken(string key, DateTimeOffset tokenTime) =>
        _ = Journal.Append(TokenRecord(key, tokenTime), durable: false);

    private static JournalRecord TokenRecord(string key, DateTimeOffset tokenTime) =>
        new(JournalRecordKind.Token, "", checked((int)(tokenTime.ToUnixTimeSeconds() / 60)), Encoding.UTF8.GetBytes(key));

    /// <summary>The live state for compaction: taken under the gate, chunk bytes read lazily as the new file is written.</summary>
    private async Task<IEnumerable<JournalRecord>> SnapshotAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var live = _messages.Values.Select(m => (m.MessageId, m.ReceivedChunks, Bytes: JsonSerializer.SerializeToUtf8Bytes(m, MessageJson))).ToList();

            // Every inline chunk is copied, also one written before its message's first record (a send in flight).
            var inline = _chunks.Select(c => (c.Key, Location: (ChunkLocation?)c.Value)).ToList();
            var inFiles = live.SelectMany(m => Enumerable.Range(1, m.ReceivedChunks).Select(n => (m.MessageId, n)))
                .Where(k => !_chunks.ContainsKey(k)).Select(k => (Key: k, Location: (ChunkLocation?)null)).ToList();
            var tokens = Tokens.Snapshot().Select(t => TokenRecord(t.Key, t.Value));
            return inline.Concat(inFiles).Select(SnapshotChunk).OfType<JournalRecord>()
                .Concat(live.Select(m => new JournalRecord(JournalRecordKind.Message, m.MessageId, 0, m.Bytes))).Concat(tokens);
        }
        finally
        {
            Gate.Release();
        }
    }

    private JournalRecord? SnapshotChunk(((string Id, int Number) Key, ChunkLocation? Location) chunk)
    {
        var (key, location) = chunk;
        if (location is null)
        {
            return new JournalRecord(JournalRecordKind.ChunkInFile, key.Id, key.Number, ReadOnlyMemory<byte>.Empty);
        }

        // A queued chunk has its own record coming after the snapshot.
        return location.Pending is not null ? null : new JournalRecord(JournalRecordKind.Chunk, key.Id, key.Number, location.ReadSlice(),
            (path, offset) => _chunks.TryUpdate(key, ChunkLocation.JournalSlice(path, offset, location.Length), location));
    }

    /// <summary>Makes a message's state the visible one: the table and its inbox place.</summary>
    private void Publish(StoredMessage message)
    {
        _messages[message.MessageId] = message;
        Inboxes.Update(message);
    }

    private void Apply(JournalEntry entry, string path)
    {
        var key = (entry.MessageId, entry.Number);
        switch (entry.Kind)
        {
            case JournalRecordKind.Message:
                var message = JsonSerializer.Deserialize(entry.Payload, MessageJson)!;
                Publish(message);
                _sequence = Math.Max(_sequence, message.Sequence);
                break;
            case JournalRecordKind.Chunk:
                _chunks[key] = ChunkLocation.JournalSlice(path, entry.PayloadOffset, entry.PayloadLength);
                break;
            case JournalRecordKind.ChunkInFile:
                _chunks.TryRemove(key, out _);
                break;
            case JournalRecordKind.Token:
                Tokens.Restore(Encoding.UTF8.GetString(entry.Payload!), DateTimeOffset.FromUnixTimeSeconds(entry.Number * 60L));
                break;
            default:
                _messages.TryRemove(entry.MessageId, out _);
                Inboxes.Remove(entry.MessageId);
                break;
        }
    }

    private static async Task<byte[]> ReadUpToAsync(Stream body, long max, long? contentLength, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)Math.Min(max, contentLength ?? 16 * 1024));
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < max && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), ct).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
