using System.Globalization;
using System.IO.Compression;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>
/// <c>GET</c>/<c>HEAD /messageexchange/{mb}/inbox/{id}[/{n}]</c>: a message or one chunk, 206 until the last chunk.
/// Stored gzip is passed through when the client accepts gzip, otherwise inflated; with v2, plain content is gzipped
/// for a client that accepts gzip (as the sandbox does).
/// </summary>
internal sealed class DownloadEndpoint(EndpointServices services)
{
    /// <summary>Transcoded bodies up to this size are buffered so the response has a Content-Length; larger ones stream.</summary>
    internal const int BufferedTranscodeLimit = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var message = services.Store.Find(MeshRequest.Route(context, "id"));
        var numberText = MeshRequest.Route(context, "n");
        var number = numberText.Length == 0 ? 1
            : int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var error = Check(message, request.MailboxId, number);
        if (error is not null)
        {
            await MeshErrors.WriteAsync(context, request.Version, error).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = number < message!.TotalChunks ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        var head = HttpMethods.IsHead(context.Request.Method);
        if (head || message.IsReport)
        {
            DownloadHeaders.Write(context.Response, message, number, gzipped: false);
            context.Response.ContentLength = 0;
        }
        else
        {
            await WriteChunkAsync(context, request.Version, message, number).ConfigureAwait(false);
        }

        if (!head)
        {
            await services.Messages.MarkDownloadedAsync(message, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static MeshError? Check(StoredMessage? message, string mailbox, int number)
    {
        if (message is null)
        {
            return MeshError.MessageDoesNotExist;
        }

        if (message.Recipient != mailbox)
        {
            return MeshError.Forbidden;
        }

        if (message.Status != MessageStatus.Accepted)
        {
            return MeshError.Gone;
        }

        return number < 1 || number > Math.Max(1, message.TotalChunks) ? MeshError.MessageDoesNotExist : null;
    }

    private async Task WriteChunkAsync(HttpContext context, int version, StoredMessage message, int number)
    {
        var storedGzip = message.ContentEncoding == "gzip";
        var acceptsGzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var gzipped = acceptsGzip && (storedGzip || version >= 2);
        DownloadHeaders.Write(context.Response, message, number, gzipped);
        context.Response.ContentType = version >= 2 && message.TotalChunks == 1 ? message.ContentType : "application/octet-stream";
        var chunk = services.Store.Locate(message.MessageId, number);
        if (storedGzip == gzipped)
        {
            context.Response.ContentLength = chunk.Length;
            if (chunk.Pending is { } queued)
            {
                await context.Response.Body.WriteAsync(queued, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await context.Response.SendFileAsync(chunk.Path, chunk.Offset, chunk.Length, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await using var sink = new SpillingResponseStream(context.Response, BufferedTranscodeLimit);
        await TranscodeAsync(chunk, sink, compress: gzipped, context.RequestAborted).ConfigureAwait(false);
        await sink.CompleteAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task TranscodeAsync(ChunkLocation chunk, Stream output, bool compress, CancellationToken ct)
    {
        await using var file = chunk.OpenRead();
        if (compress)
        {
            await using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
            await file.CopyToAsync(gzip, ct).ConfigureAwait(false);
        }
        else
        {
            await using var gunzip = new GZipStream(file, CompressionMode.Decompress);
            await gunzip.CopyToAsync(output, ct).ConfigureAwait(false);
        }
    }
}
