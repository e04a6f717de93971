using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>Handshake (validate mailbox), the deprecated inbox count, and the health/ping endpoints.</summary>
internal sealed class HandshakeEndpoints(EndpointServices services)
{
    private static readonly string[] RequiredHeaders = ["mex-clientversion", "mex-osname", "mex-osversion"];

    public async Task HandshakeAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var missing = RequiredHeaders
            .Where(h => string.IsNullOrEmpty(context.Request.Headers[h].ToString()))
            .Select(ValidationFailure.MissingHeader).ToList();
        if (missing.Count > 0)
        {
            await MeshErrors.WriteValidationAsync(context, missing).ConfigureAwait(false);
            return;
        }

        if (request.Version >= 2)
        {
            await JsonBody.EmptyAsync(context, StatusCodes.Status200OK).ConfigureAwait(false);
            return;
        }

        await JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteString("mailboxId", request.MailboxId);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task CountAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var count = services.Store.Inboxes.Count(request.MailboxId);
        await JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", count);
            if (request.Version < 2)
            {
                w.WriteString("internalID", services.Ids.NextHex32());
                w.WriteBoolean("allResultsIncluded", true);
            }

            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static Task PingAsync(HttpContext context) =>
        JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteString("env", "local");
            w.WriteString("build_label", "latest");
            w.WriteString("status", "running");
            w.WriteString("outcome", "Yes");
            w.WriteEndObject();
        });
}
