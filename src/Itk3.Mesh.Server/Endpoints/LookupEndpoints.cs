using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Protocol;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>Endpoint lookup by ODS code and workflow, and workflow search (no token, as in the sandbox).</summary>
internal sealed class LookupEndpoints(EndpointServices services)
{
    public async Task EndpointLookupAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services, authenticate: false).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var ods = MeshRequest.Route(context, "ods");
        var results = services.Registry.Receivers(MeshRequest.Route(context, "workflow"))
            .Where(m => string.Equals(m.OdsCode, ods, StringComparison.OrdinalIgnoreCase)).ToList();
        if (request.Version >= 2)
        {
            await WriteResultsAsync(context, results).ConfigureAwait(false);
            return;
        }

        await JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteString("query_id", services.Ids.NextHex32());
            w.WriteStartArray("results");
            foreach (var m in results)
            {
                w.WriteStartObject();
                w.WriteString("address", m.Id);
                w.WriteString("description", m.Name);
                w.WriteString("endpoint_type", "MESH");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task WorkflowSearchAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services, authenticate: false).ConfigureAwait(false);
        if (request is not null)
        {
            await WriteResultsAsync(context, services.Registry.Receivers(MeshRequest.Route(context, "workflow"))).ConfigureAwait(false);
        }
    }

    private static Task WriteResultsAsync(HttpContext context, IReadOnlyList<MeshMailboxConfig> mailboxes) =>
        JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            foreach (var m in mailboxes)
            {
                w.WriteStartObject();
                w.WriteString("mailbox_id", m.Id);
                w.WriteString("mailbox_name", m.Name);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
