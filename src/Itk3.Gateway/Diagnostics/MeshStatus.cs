namespace Itk3.Gateway.Diagnostics;

/// <summary>What the node recorded about its MESH calls.</summary>
/// <param name="LastSuccessAt">When a MESH call last succeeded.</param>
/// <param name="LastFailureAt">When a MESH call last failed (MESH unreachable, TLS, credentials).</param>
/// <param name="FailingSince">When the current run of failures began; null while MESH answers.</param>
/// <param name="ConsecutiveFailures">Failed calls since the last success.</param>
/// <param name="LastHandshakeAt">When the last successful handshake was made.</param>
public sealed record MeshStatus(DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, DateTimeOffset? FailingSince, int ConsecutiveFailures, DateTimeOffset? LastHandshakeAt)
{
    /// <summary>Whether the last MESH call succeeded (true before any call).</summary>
    public bool IsReachable => ConsecutiveFailures == 0;
}
