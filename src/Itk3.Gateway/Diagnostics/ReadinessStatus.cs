namespace Itk3.Gateway.Diagnostics;

/// <summary>A node's readiness.</summary>
public enum ReadinessStatus
{
    /// <summary>Everything works.</summary>
    Healthy,

    /// <summary>Working, but something needs looking at (MESH failing for a while, certificate expiring, disk low, a queue stuck).</summary>
    Degraded,

    /// <summary>Not able to do its work (store unavailable, MESH down too long, certificate expired, disk full).</summary>
    Unhealthy,
}
