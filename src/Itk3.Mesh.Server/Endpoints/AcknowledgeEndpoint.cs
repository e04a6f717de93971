using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary><c>PUT /messageexchange/{mb}/inbox/{id}/status/acknowledged</c>: idempotent; the message leaves the inbox.</summary>
internal sealed class AcknowledgeEndpoint(EndpointServices services)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var message = services.Store.Find(MeshRequest.Route(context, "id"));
        var error = message is null ? MeshError.MessageDoesNotExist
            : message.Recipient != request.MailboxId ? MeshError.Forbidden
            : message.Status is not (MessageStatus.Accepted or MessageStatus.Acknowledged) ? MeshError.Gone
            : null;
        if (error is not null)
        {
            await MeshErrors.WriteAsync(context, request.Version, error).ConfigureAwait(false);
            return;
        }

        await services.Messages.AcknowledgeAsync(message!, request.MailboxId, context.RequestAborted).ConfigureAwait(false);
        if (request.Version >= 2)
        {
            await JsonBody.EmptyAsync(context, StatusCodes.Status200OK).ConfigureAwait(false);
            return;
        }

        await JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteString("messageId", message!.MessageId);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
