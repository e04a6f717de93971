using System.Globalization;
using System.Threading.RateLimiting;
using Itk3.Mesh.Server.Hosting;
using Itk3.Mesh.Server.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Server.Security;

/// <summary>
/// Rate limit of the unauthenticated lookups (endpoint lookup, workflow search), per client address, so mailboxes
/// cannot be enumerated: a fixed window of <c>limits.lookupPermitsPerMinute</c> calls, then 429 until the window ends.
/// </summary>
internal static class LookupLimiter
{
    /// <summary>The rate-limiting policy name the lookup routes require.</summary>
    public const string Policy = "mesh-lookup";

    /// <summary>Registers the policy: <paramref name="permits"/> calls per client address per <paramref name="window"/>.</summary>
    public static void Add(IServiceCollection services, int permits, TimeSpan window, ILogger logger) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = (rejected, _) => RejectAsync(rejected.HttpContext, window, logger);
        });

    private static ValueTask RejectAsync(HttpContext context, TimeSpan window, ILogger logger)
    {
        ServerLog.Refused(logger, context.Request.Path, StatusCodes.Status429TooManyRequests, "lookup rate limit reached");
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var version = Math.Max(1, ApiVersion.Negotiate(context.Request.Headers.Accept.ToString()));
        return new ValueTask(MeshErrors.WriteAsync(context, version, StatusCodes.Status429TooManyRequests, "", "",
            "Too many lookup requests; retry later"));
    }
}
