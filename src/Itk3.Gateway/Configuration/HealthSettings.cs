namespace Itk3.Gateway.Configuration;

/// <summary>Thresholds of <c>/health/ready</c> (healthy, degraded, unhealthy).</summary>
public sealed record HealthSettings
{
    /// <summary>How long MESH may keep failing before the node is unhealthy (degraded before that).</summary>
    public TimeSpan MeshUnhealthyAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How old the oldest waiting outbox item or delivery may be before the node is degraded.</summary>
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Free disk space (megabytes) under the data folder below which the node is degraded; a tenth of it is unhealthy.</summary>
    public long MinimumFreeDiskMegabytes { get; init; } = 1024;

    /// <summary>How long before the client certificate expires that the node is degraded and warns in the log.</summary>
    public TimeSpan CertificateWarning { get; init; } = TimeSpan.FromDays(30);
}
