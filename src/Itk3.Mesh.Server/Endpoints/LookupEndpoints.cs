using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Protocol;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>
/// Endpoint lookup by ODS code and workflow, and workflow search (no token, as in the sandbox; rate-limited per client
/// address by <see cref="Security.LookupLimiter"/>). An ODS code longer than <see cref="MaxOdsLength"/> or a workflow ID
/// longer than <see cref="MaxWorkflowLength"/>, or with other than letters, digits, <c>_</c> and <c>-</c>, is 400.
/// </summary>
internal sealed class LookupEndpoints(EndpointServices services)
{
    /// <summary>The longest ODS code a lookup accepts.</summary>
    public const int MaxOdsLength = 12;

    /// <summary>The longest workflow ID a lookup accepts.</summary>
    public const int MaxWorkflowLength = 64;

    public async Task EndpointLookupAsync(HttpContext context)
    {
        var request = await AcceptAsync(context, "ods").ConfigureAwait(false);
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
        var request = await AcceptAsync(context).ConfigureAwait(false);
        if (request is not null)
        {
            await WriteResultsAsync(context, services.Registry.Receivers(MeshRequest.Route(context, "workflow"))).ConfigureAwait(false);
        }
    }

    private async Task<MeshRequest?> AcceptAsync(HttpContext context, string? odsRoute = null)
    {
        var failures = new List<ValidationFailure>(2);
        if (odsRoute is not null)
        {
            Check(MeshRequest.Route(context, odsRoute), "ods_code", MaxOdsLength, char.IsAsciiLetterOrDigit, failures);
        }

        Check(MeshRequest.Route(context, "workflow"), "workflow_id", MaxWorkflowLength, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-', failures);
        if (failures.Count > 0)
        {
            await MeshErrors.WriteValidationAsync(context, failures).ConfigureAwait(false);
            return null;
        }

        return await MeshRequest.AcceptAsync(context, services, authenticate: false).ConfigureAwait(false);
    }

    private static void Check(string value, string name, int maxLength, Func<char, bool> allowed, List<ValidationFailure> failures)
    {
        if (value.Length > maxLength)
        {
            failures.Add(new ValidationFailure("path", name, $"ensure this value has at most {maxLength} characters",
                "value_error.any_str.max_length", maxLength));
        }
        else if (!value.All(allowed))
        {
            failures.Add(new ValidationFailure("path", name, "contains characters that are not allowed", "value_error.str.regex"));
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
