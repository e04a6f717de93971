using System.Globalization;
using Itk3.Gateway.Diagnostics;

namespace Itk3.Gateway.Hosting.Mesh;

/// <summary>Measures every MESH HTTP call (<c>itk3.mesh.call.duration</c>, <c>itk3.mesh.call.errors</c>) by operation, without reading bodies.</summary>
internal sealed class MeshCallMetricsHandler(GatewayMetrics metrics, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Operation(request);
        var started = clock.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            metrics.MeshCall(operation, status, clock.GetElapsedTime(started), failed: (int)response.StatusCode >= 500 || response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            metrics.MeshCall(operation, "error", clock.GetElapsedTime(started), failed: true);
            throw;
        }
    }

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
