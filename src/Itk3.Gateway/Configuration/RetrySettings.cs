namespace Itk3.Gateway.Configuration;

/// <summary>How a failing item is retried: fast retries with exponential backoff, then forever at the capped delay (never given up).</summary>
public sealed record RetrySettings
{
    /// <summary>Attempts before the item counts as waiting (needs attention, health degraded); it keeps being retried.</summary>
    public int FastAttempts { get; init; } = 10;

    /// <summary>The delay after the first failure; doubled after each further one.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two attempts (the pace once the fast retries are used up).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);
}
