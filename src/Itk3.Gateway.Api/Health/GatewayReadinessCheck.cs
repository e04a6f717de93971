using Itk3.Gateway.Application;
using Itk3.Gateway.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Itk3.Gateway.Api.Health;

/// <summary>Readiness from the node's recorded state (MESH last success, store, disk, stuck queues, certificate expiry); never calls MESH.</summary>
internal sealed class GatewayReadinessCheck(IGatewayApplication application, GatewayApiOptions options, TimeProvider clock) : IHealthCheck
{
    /// <summary>The tag of checks that decide <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await application.GetHealthAsync(cancellationToken).ConfigureAwait(false);
        var (status, reasons) = GatewayReadiness.Evaluate(health, options.Health, clock.GetUtcNow());
        var data = new Dictionary<string, object> { ["reasons"] = reasons };
        var description = reasons.Count == 0 ? "ready" : string.Join(", ", reasons);
        return status switch
        {
            ReadinessStatus.Healthy => HealthCheckResult.Healthy(description, data),
            ReadinessStatus.Degraded => HealthCheckResult.Degraded(description, data: data),
            _ => HealthCheckResult.Unhealthy(description, data: data),
        };
    }
}
