using System.Collections.Concurrent;
using Itk3.Messaging.Reading;

namespace Itk3.Gateway.Inbound;

/// <summary>The last few stored messages that await a business outcome, as read on arrival, so reporting the outcome
/// need not load and read them again; bounded by count and by the bytes read (oldest forgotten first). A message larger
/// than an eighth of the byte bound is never remembered: its tree would pin far more memory than re-reading it costs.
/// A miss falls back to the store.</summary>
internal sealed class RecentReads(int capacity = 4096, long maxBytes = 8L * 1024 * 1024)
{
    private readonly ConcurrentDictionary<string, ReadOutcome> _reads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _order = new();
    private long _bytes;

    /// <summary>The source bytes of the reads remembered now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Remembers a committed message's read, unless it is too large to keep.</summary>
    public void Add(string meshMessageId, ReadOutcome read)
    {
        if (read.SizeInBytes > maxBytes / 8 || !_reads.TryAdd(meshMessageId, read))
        {
            return;
        }

        Interlocked.Add(ref _bytes, read.SizeInBytes);
        _order.Enqueue(meshMessageId);
        while ((_order.Count > capacity || Interlocked.Read(ref _bytes) > maxBytes) && _order.TryDequeue(out var oldest))
        {
            Forget(oldest);
        }
    }

    /// <summary>The remembered read, if any.</summary>
    public ReadOutcome? Find(string meshMessageId) => _reads.TryGetValue(meshMessageId, out var read) ? read : null;

    /// <summary>Forgets a message once its outcome is recorded.</summary>
    public void Forget(string meshMessageId)
    {
        if (_reads.TryRemove(meshMessageId, out var read))
        {
            Interlocked.Add(ref _bytes, -read.SizeInBytes);
        }
    }
}
