using System.Collections.Concurrent;

namespace Itk3.Gateway.Chaos.Recording;

/// <summary>What the application took: per payload (document id), every delivery and the idempotency keys it came with.</summary>
internal sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> _keysByDocument = new(StringComparer.Ordinal);
    private int _total;
    private int _unrecognised;

    /// <summary>Every delivery taken (200), repeats included.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Deliveries whose body carried no document id of this run.</summary>
    public int Unrecognised => Volatile.Read(ref _unrecognised);

    /// <summary>Records one delivery.</summary>
    public void Record(string? documentId, string idempotencyKey)
    {
        Interlocked.Increment(ref _total);
        if (documentId is null)
        {
            Interlocked.Increment(ref _unrecognised);
            return;
        }

        var keys = _keysByDocument.GetOrAdd(documentId, _ => new ConcurrentDictionary<string, int>(StringComparer.Ordinal));
        keys.AddOrUpdate(idempotencyKey, 1, (_, n) => n + 1);
    }

    /// <summary>The distinct payloads delivered.</summary>
    public IReadOnlyCollection<string> Documents => (IReadOnlyCollection<string>)_keysByDocument.Keys;

    /// <summary>Payloads delivered under more than one idempotency key (the application could not tell them apart: must be 0).</summary>
    public int DuplicatesWithDistinctKeys => _keysByDocument.Values.Count(keys => keys.Count > 1);

    /// <summary>Repeated deliveries under the same key (allowed: at-least-once delivery, deduplicated by the key).</summary>
    public int RepeatsWithSameKey => _keysByDocument.Values.Sum(keys => keys.Values.Sum(n => n - 1));
}
