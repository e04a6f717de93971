namespace Itk3.Gateway;

/// <summary>Exponential backoff with full jitter: attempt n waits a random time in [base·2^(n-1)/2, base·2^(n-1)], capped at <see cref="MaxDelay"/>.</summary>
/// <param name="random">The jitter source (seeded in tests).</param>
public sealed class RetryPolicy(Random random)
{
    private readonly Lock _gate = new();

    /// <summary>The delay before the second attempt (before jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many attempts an item gets before it counts as waiting (needs attention); it is never given up, only retried at <see cref="MaxDelay"/>.</summary>
    public int FastAttempts { get; init; } = 8;

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt) => DelayAfter(attempt, BaseDelay, MaxDelay);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> with another base and cap (the same jitter source).</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        double fraction;
        lock (_gate)
        {
            fraction = 0.5 + (random.NextDouble() / 2);
        }

        return TimeSpan.FromTicks((long)(ceiling * fraction));
    }

    /// <summary>Whether an item that failed on attempt <paramref name="attempt"/> has used up its fast retries (it is waiting: needs attention).</summary>
    public bool IsWaiting(int attempt) => attempt >= FastAttempts;
}
