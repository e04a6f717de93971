namespace Itk3.Gateway.Application;

/// <summary>The overall state of a node, from its recorded facts (<see cref="GatewayHealth.Status"/>).</summary>
public enum HealthStatus
{
    /// <summary>Store writable, MESH reachable, nothing waiting.</summary>
    Healthy,

    /// <summary>Working, but something needs attention: MESH unreachable, or sends, deliveries or downloads waiting after their fast retries.</summary>
    Degraded,

    /// <summary>Cannot accept or store work: the store is unreachable, full or damaged.</summary>
    Unhealthy,
}
