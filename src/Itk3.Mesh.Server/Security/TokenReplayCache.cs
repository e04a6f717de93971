using System.Collections.Concurrent;

namespace Itk3.Mesh.Server.Security;

/// <summary>Remembers the tokens seen inside the timestamp window, so that each one is accepted only once.</summary>
internal sealed class TokenReplayCache
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
}
