using System.Diagnostics;
using System.Globalization;
using Itk3.Gateway.Diagnostics;

namespace Itk3.Gateway.Hosting.Mesh;

/// <summary>
/// Measures every MESH HTTP call (<c>itk3.mesh.call.duration</c>, <c>itk3.mesh.call.errors</c>) by operation and traces it as a
/// <c>mesh.{operation}</c> client span, a child of the step that makes it (method, operation, status; never a body or header value).
/// </summary>
internal sealed class MeshCallTelemetryHandler(GatewayMetrics metrics, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Operation(request);
        using var span = metrics.ActivitySource.StartActivity("mesh." + operation, ActivityKind.Client);
        span?.SetTag("http.request.method", request.Method.Method).SetTag("mesh.operation", operation).SetTag("server.address", request.RequestUri?.Host);
        var started = clock.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            var failed = (int)response.StatusCode >= 500 || response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized;
            metrics.MeshCall(operation, status, clock.GetElapsedTime(started), failed);
            span?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (failed)
            {
                Failed(span, status);
            }

            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            metrics.MeshCall(operation, "error", clock.GetElapsedTime(started), failed: true);
            Failed(span, e.GetType().Name);
            throw;
        }
    }

    private static void Failed(Activity? span, string reason) => span?.SetStatus(ActivityStatusCode.Error, reason).SetTag("error.type", reason);

    /// <summary>The MESH operation a request is (from its method and path, never its content).</summary>
    internal static string Operation(HttpRequestMessage request)
    {
        var segments = request.RequestUri?.AbsolutePath.Trim('/').Split('/') ?? [];
        if (segments.Length > 1 && segments[1] is "endpointlookup" or "workflowsearch")
        {
            return "lookup";
        }

        // /messageexchange/{mailbox}/{area}/...
        var area = segments.Length > 2 ? segments[2] : segments.Length == 2 ? "handshake" : "other";
        return area switch
        {
            "inbox" when segments.Length == 3 => "list-inbox",
            "inbox" when request.Method == HttpMethod.Put => "acknowledge",
            "inbox" => "download",
            "outbox" when segments.Length > 3 && segments[3] == "tracking" => "tracking",
            "outbox" => "send",
            "handshake" => "handshake",
            _ => area,
        };
    }
}
