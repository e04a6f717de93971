using System.Collections.Concurrent;
using Itk3.Messaging.Reading;

namespace Itk3.Gateway.Inbound;

/// <summary>The last few stored messages that await a business outcome, as read on arrival, so reporting the outcome
/// need not load and read them again; bounded (oldest forgotten first), a miss falls back to the store.</summary>
internal sealed class RecentReads(int capacity = 4096)
{
    private readonly ConcurrentDictionary<string, ReadOutcome> _reads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Remembers a committed message's read.</summary>
    public void Add(string meshMessageId, ReadOutcome read)
    {
        if (!_reads.TryAdd(meshMessageId, read))
        {
            return;
        }

        _order.Enqueue(meshMessageId);
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _reads.TryRemove(oldest, out _);
        }
    }

    /// <summary>The remembered read, if any.</summary>
    public ReadOutcome? Find(string meshMessageId) => _reads.TryGetValue(meshMessageId, out var read) ? read : null;

    /// <summary>Forgets a message once its outcome is recorded.</summary>
    public void Forget(string meshMessageId) => _reads.TryRemove(meshMessageId, out _);
}
