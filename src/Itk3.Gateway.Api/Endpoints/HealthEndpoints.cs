using Itk3.Gateway.Api.Contracts;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Itk3.Gateway.Api.Endpoints;

/// <summary>GET /health (open liveness) and GET /api/v1/health (store, MESH and backlogs).</summary>
internal static class HealthEndpoints
{
    /// <summary>Maps the open liveness probe on the application.</summary>
    public static void MapLiveness(IEndpointRouteBuilder app) =>
        app.MapGet("/health", () => TypedResults.Ok(new LivenessView("alive"))).WithName("Liveness").WithTags("Health")
            .WithSummary("Liveness: answers while the process serves requests; needs no API key.")
            .Produces<LivenessView>();

    /// <summary>Maps the open probes: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (healthy/degraded 200, unhealthy 503, with reason codes only).</summary>
    public static void MapProbes(IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Health.GatewayReadinessCheck.ReadyTag), ResponseWriter = WriteAsync });
    }

    /// <summary>Maps the detailed health on the authenticated group.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/health", GetAsync).WithName("GetHealth").WithTags("Health")
            .WithSummary("Readiness: whether the store and MESH are reachable, and how much work is waiting.")
            .Produces<HealthView>().RequireScope(ApiScopes.Read);

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var reasons = report.Entries.Values.SelectMany(e => e.Data.TryGetValue("reasons", out var r) && r is IEnumerable<string> list ? list : []).ToList();
        var status = report.Status switch
        {
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy => "healthy",
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded => "degraded",
            _ => "unhealthy",
        };
        return context.Response.WriteAsJsonAsync(new ProbeView(status, reasons), context.RequestAborted);
    }

    private static async Task<IResult> GetAsync(IGatewayApplication app, CancellationToken ct) =>
        TypedResults.Ok(HealthView.From(await app.GetHealthAsync(ct).ConfigureAwait(false)));
}
