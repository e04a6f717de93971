using System.Collections.Concurrent;

namespace Itk3.Gateway.Inbound;

/// <summary>
/// Messages whose download failed: each stays at MESH (never acknowledged, never dead-lettered empty) and is tried again
/// after a capped backoff; <see cref="Count"/> feeds the node's health.
/// </summary>
internal sealed class DownloadBackoff
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset NextAttemptAt)> _failing = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many messages are waiting for another download attempt.</summary>
    public int Count => _failing.Count;

    /// <summary>Whether a listed message may be downloaded now.</summary>
    public bool IsDue(string messageId, DateTimeOffset now) =>
        !_failing.TryGetValue(messageId, out var entry) || entry.NextAttemptAt <= now;

    /// <summary>Records a failed download; returns how many times in a row it failed.</summary>
    public int Failed(string messageId, DateTimeOffset now, RetryPolicy retry) =>
        _failing.AddOrUpdate(
            messageId,
            _ => (1, now + retry.DelayAfter(1)),
            (_, entry) => (entry.Failures + 1, now + retry.DelayAfter(entry.Failures + 1))).Failures;

    /// <summary>Forgets a message that was downloaded (or no longer exists at MESH).</summary>
    public void Forget(string messageId) => _failing.TryRemove(messageId, out _);
}
