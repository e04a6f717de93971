using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>
/// <c>GET /messageexchange/{mb}/outbox/tracking?messageID=</c> (and the deprecated <c>…/tracking/{local_id}</c>):
/// the status of a message the mailbox sent; 404 when unknown or sent by someone else.
/// </summary>
internal sealed class TrackingEndpoint(EndpointServices services)
{
    public async Task ByMessageIdAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var id = context.Request.Query["messageID"].ToString();
        if (id.Length == 0)
        {
            await MeshErrors.WriteValidationAsync(context, [ValidationFailure.MissingQuery("messageID")]).ConfigureAwait(false);
            return;
        }

        var message = services.Store.Find(id);
        await WriteAsync(context, request, message is not null && message.Sender == request.MailboxId ? message : null)
            .ConfigureAwait(false);
    }

    public async Task ByLocalIdAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var localId = MeshRequest.Route(context, "localId");
        var matches = services.Store.Messages.Where(m => m.Sender == request.MailboxId && m.LocalId == localId).Take(2).ToList();
        if (matches.Count > 1)
        {
            await MeshErrors.WriteAsync(context, request.Version, StatusCodes.Status300MultipleChoices, "", "", "Multiple messages found")
                .ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, request with { Version = 1 }, matches.FirstOrDefault()).ConfigureAwait(false);
    }

    private Task WriteAsync(HttpContext context, MeshRequest request, StoredMessage? message)
    {
        if (message is null)
        {
            return MeshErrors.WriteAsync(context, request.Version, MeshError.NotFound);
        }

        return request.Version >= 2
            ? JsonBody.WriteAsync(context, StatusCodes.Status200OK, ApiVersion.V2MediaType, w => TrackingJson.WriteV2(w, message, services.Config))
            : JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w => TrackingJson.WriteV1(w, message, services.Config));
    }
}
