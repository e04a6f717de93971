using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.Diagnostics;

/// <summary>Turns a recorded <see cref="GatewayHealth"/> into healthy / degraded / unhealthy with the reasons (codes, never payload details).</summary>
public static class GatewayReadiness
{
    /// <summary>The verdict and its reasons (empty when healthy).</summary>
    public static (ReadinessStatus Status, IReadOnlyList<string> Reasons) Evaluate(GatewayHealth health, HealthSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(settings);
        var unhealthy = new List<string>();
        var degraded = new List<string>();
        if (!health.StoreReachable)
        {
            unhealthy.Add("store-unavailable");
        }

        if (health.MeshFailingSince is { } since)
        {
            (now - since >= settings.MeshUnhealthyAfter ? unhealthy : degraded).Add("mesh-unreachable");
        }

        if (health.CertificateExpiresAt is { } expires)
        {
            if (expires <= now)
            {
                unhealthy.Add("certificate-expired");
            }
            else if (expires - now <= settings.CertificateWarning)
            {
                degraded.Add("certificate-expiring");
            }
        }

        if (health.FreeDiskBytes is { } free)
        {
            var minimum = settings.MinimumFreeDiskMegabytes * 1024 * 1024;
            if (free < minimum / 10)
            {
                unhealthy.Add("disk-full");
            }
            else if (free < minimum)
            {
                degraded.Add("disk-low");
            }
        }

        if (health.OldestOutboxAge >= settings.StuckAfter)
        {
            degraded.Add("outbox-stuck");
        }

        if (health.OldestDeliveryAge >= settings.StuckAfter)
        {
            degraded.Add("deliveries-stuck");
        }

        var status = unhealthy.Count > 0 ? ReadinessStatus.Unhealthy : degraded.Count > 0 ? ReadinessStatus.Degraded : ReadinessStatus.Healthy;
        return (status, [.. unhealthy, .. degraded]);
    }
}
