using System.Net;

namespace Itk3.Mesh.Retry;

/// <summary>
/// Retry settings for idempotent MESH calls and chunks 2..N (never the initial outbox POST, MESH.md §10): up to
/// <see cref="MaxRetries"/> retries on connection errors and 425/429/500/502/503/504, with exponential backoff from
/// <see cref="BaseDelay"/> capped at <see cref="MaxDelay"/> and jitter drawn from a Random seeded by <see cref="JitterSeed"/>.
/// </summary>
public sealed record MeshRetryPolicy
{
    /// <summary>Three retries, 0.5 s doubling up to 30 s (mesh-client's behaviour).</summary>
    public static MeshRetryPolicy Default { get; } = new();

    /// <summary>No retries at all.</summary>
    public static MeshRetryPolicy None { get; } = new() { MaxRetries = 0 };

    /// <summary>Retries after the first attempt (0 disables retrying).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Delay before the first retry; doubled for each further retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of any single delay (also caps a server's Retry-After).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the jitter generator, so delays are reproducible.</summary>
    public int JitterSeed { get; init; } = 1;

    /// <summary>
    /// True for the statuses worth retrying: 425, 429, 502, 503, 504 (what mesh-client retries) and 500, which MESH also
    /// answers for a passing fault (a failed write, a restarting node); only idempotent calls are retried at all.
    /// </summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status is 425 or 429 or 500 or 502 or 503 or 504;
}
