using System.Globalization;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary><c>POST /messageexchange/{mb}/outbox/{id}/{n}</c>: upload chunk n ≥ 2 of a chunked message (MESH.md §7).</summary>
internal sealed class ChunkUploadEndpoint(EndpointServices services)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var message = services.Store.Find(MeshRequest.Route(context, "id"));
        var number = int.TryParse(MeshRequest.Route(context, "n"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var error = message is null ? MeshError.NotFound : Check(context.Request, request.MailboxId, message, number);
        if (error is null)
        {
            var (size, bodyError) = await UploadBody.StoreAsync(context.Request, services.Store, message!.MessageId, number,
                message.ContentEncoding, services.Config.Limits, discardOnError: false).ConfigureAwait(false);
            error = bodyError ?? await services.Messages.AcceptChunkAsync(message.MessageId, number, size, context.RequestAborted)
                .ConfigureAwait(false);
        }

        if (error is not null)
        {
            var withId = error == MeshError.InvalidChunks || error == MeshError.ChunkOutOfRange ? message?.MessageId : null;
            await MeshErrors.WriteAsync(context, request.Version, error, withId).ConfigureAwait(false);
            return;
        }

        await WriteAcceptedAsync(context, request.Version, message!.MessageId, number).ConfigureAwait(false);
    }

    private static MeshError? Check(HttpRequest request, string mailbox, StoredMessage message, int number)
    {
        if (message.Sender != mailbox)
        {
            return MeshError.Forbidden;
        }

        if (message.Status != MessageStatus.Uploading)
        {
            return MeshError.AlreadyComplete;
        }

        var range = OutboxHeaders.ParseRange(OutboxHeaders.Get(request, "mex-chunk-range"));
        if (range is null || range.Value.Number != number || number < 2)
        {
            return MeshError.InvalidChunks;
        }

        if (number > message.TotalChunks)
        {
            return MeshError.ChunkOutOfRange;
        }

        // In order, one at a time; re-sending the last received chunk (a retried request) replaces it.
        if (range.Value.Total != message.TotalChunks || number < message.ReceivedChunks || number > message.ReceivedChunks + 1)
        {
            return MeshError.InvalidChunks;
        }

        var raw = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        var changed = (raw.Length == 0 ? null : raw) != message.ContentEncoding;
        return changed ? MeshError.EncodingChanged : null;
    }

    private static Task WriteAcceptedAsync(HttpContext context, int version, string messageId, int number)
    {
        if (version >= 2)
        {
            // The sandbox answers a v2 chunk upload with the JSON literal null; clients must ignore the body.
            return JsonBody.WriteBytesAsync(context, StatusCodes.Status202Accepted, JsonBody.Json, "null"u8.ToArray());
        }

        return JsonBody.WriteAsync(context, StatusCodes.Status202Accepted, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteString("messageID", messageId);
            w.WriteNumber("blockID", number);
            w.WriteEndObject();
        });
    }
}
