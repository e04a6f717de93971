using System.Collections.Concurrent;

namespace Itk3.Mesh.Server.Security;

/// <summary>
/// Remembers the tokens seen inside the timestamp window, so that each one is accepted only once. Each newly used token
/// is handed to <c>persist</c> (the store's journal), and tokens replayed from it at start are refused again after a restart.
/// </summary>
internal sealed class TokenReplayCache(Action<string, DateTimeOffset>? persist = null)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _additions;

    /// <summary>True the first time a key is seen; false on reuse.</summary>
    public bool TryUse(string key, DateTimeOffset tokenTime, DateTimeOffset forgetBefore)
    {
        if (!_seen.TryAdd(key, tokenTime))
        {
            return false;
        }

        persist?.Invoke(key, tokenTime);
        if (Interlocked.Increment(ref _additions) % 1024 == 0)
        {
            foreach (var (k, t) in _seen)
            {
                if (t < forgetBefore)
                {
                    _seen.TryRemove(k, out _);
                }
            }
        }

        return true;
    }

    /// <summary>Marks a token as used without persisting it again (journal replay).</summary>
    public void Restore(string key, DateTimeOffset tokenTime) => _seen[key] = tokenTime;

    /// <summary>The tokens remembered now (for journal compaction).</summary>
    public KeyValuePair<string, DateTimeOffset>[] Snapshot() => _seen.ToArray();
}
