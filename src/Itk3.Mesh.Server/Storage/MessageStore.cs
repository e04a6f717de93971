using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Itk3.Mesh.Server.Storage;

/// <summary>
/// The durable message store: metadata in <c>messages/{id}.json</c>, chunk bytes in <c>chunks/{id}/{n}</c>, both written
/// atomically. All metadata is held in memory too; reads are lock-free, and callers mutate only while holding <see cref="Gate"/>.
/// </summary>
internal sealed class MessageStore : IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ConcurrentDictionary<string, StoredMessage> _messages = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _messagesDir;
    private readonly string _chunksDir;
    private long _sequence;

    public MessageStore(string root)
    {
        Root = root;
        _messagesDir = Path.Combine(root, "messages");
        _chunksDir = Path.Combine(root, "chunks");
        Directory.CreateDirectory(_messagesDir);
        Directory.CreateDirectory(_chunksDir);
    }

    /// <summary>The data directory.</summary>
    public string Root { get; }

    /// <summary>Serialises every read-modify-write of message metadata.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public IEnumerable<StoredMessage> Messages => _messages.Values;

    /// <summary>Reads every message file; leftovers of interrupted writes are removed.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        foreach (var temp in Directory.EnumerateFiles(Root, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories))
        {
            File.Delete(temp);
        }

        foreach (var file in Directory.EnumerateFiles(_messagesDir, "*.json"))
        {
            await using var stream = File.OpenRead(file);
            var message = await JsonSerializer.DeserializeAsync<StoredMessage>(stream, JsonOptions, ct).ConfigureAwait(false);
            if (message is not null)
            {
                _messages[message.MessageId] = message;
                _sequence = Math.Max(_sequence, message.Sequence);
            }
        }
    }

    public StoredMessage? Find(string messageId) => _messages.GetValueOrDefault(messageId);

    public long NextSequence() => ++_sequence;

    public async Task SaveAsync(StoredMessage message, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, JsonOptions);
        await AtomicFile.WriteAsync(MetadataPath(message.MessageId), bytes, ct).ConfigureAwait(false);
        _messages[message.MessageId] = message;
    }

    /// <summary>Stores chunk <paramref name="number"/>; returns its size, or -1 when it is larger than <paramref name="limit"/>.</summary>
    public Task<long> WriteChunkAsync(string messageId, int number, Stream body, long limit, CancellationToken ct)
    {
        var dir = Path.Combine(_chunksDir, messageId);
        Directory.CreateDirectory(dir);
        return AtomicFile.WriteAsync(ChunkPath(messageId, number), body, limit, ct);
    }

    public string ChunkPath(string messageId, int number) =>
        Path.Combine(_chunksDir, messageId, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Delete(string messageId)
    {
        _messages.TryRemove(messageId, out _);
        File.Delete(MetadataPath(messageId));
        DiscardChunks(messageId);
    }

    /// <summary>Removes the chunk files of a message that was never recorded (a refused upload).</summary>
    public void DiscardChunks(string messageId)
    {
        var dir = Path.Combine(_chunksDir, messageId);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public void Dispose() => Gate.Dispose();

    private string MetadataPath(string messageId) => Path.Combine(_messagesDir, messageId + ".json");
}
