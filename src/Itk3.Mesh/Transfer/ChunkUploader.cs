using System.Globalization;
using System.Net.Http.Headers;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Http;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Transfer;

/// <summary>
/// Sends one message (MESH.md §7): splits the uncompressed content into chunks, gzips each on its own when asked,
/// POSTs chunk 1 to the outbox exactly once (a retry could duplicate the message), then chunks 2..N in order with retries.
/// </summary>
internal sealed class ChunkUploader
{
    private const string OctetStream = "application/octet-stream";
    private readonly MeshConnection _connection;
    private readonly string _mailboxId;

    public ChunkUploader(MeshConnection connection, string mailboxId)
    {
        _connection = connection;
        _mailboxId = mailboxId;
    }

    public async Task<MeshSendResult> SendAsync(
        MeshSendRequest request, Stream content, int chunkSize, CancellationToken cancellationToken)
    {
        await using var source = await ChunkSource.OpenAsync(content, cancellationToken).ConfigureAwait(false);
        var total = source.ChunkCount(chunkSize);
        if (request.Chunk == false && source.Length > MeshClientOptions.MaxSingleRequestBytes)
        {
            throw new MeshApiException(System.Net.HttpStatusCode.RequestEntityTooLarge, new MeshError(
                MeshClientErrorCodes.TooLargeUnchunked, "SEND",
                $"{source.Length} bytes to {request.To} ({request.WorkflowId}), whose send profile forbids chunking; one request may carry {MeshClientOptions.MaxSingleRequestBytes}", null));
        }

        var messageId = await SendFirstAsync(request, source, chunkSize, total, cancellationToken).ConfigureAwait(false);
        for (var n = 2; n <= total; n++)
        {
            try
            {
                await SendChunkAsync(request, source, chunkSize, messageId, n, total, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MeshApiException or HttpRequestException or IOException ||
                                       (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new MeshSendIncompleteException(messageId, n, total, ex);
            }
        }

        return new MeshSendResult(messageId, total);
    }

    private async Task<string> SendFirstAsync(
        MeshSendRequest request, ChunkSource source, int chunkSize, int total, CancellationToken cancellationToken)
    {
        await using var chunk = await ChunkBody.CreateAsync(source, 1, chunkSize, request.Compress == true, cancellationToken).ConfigureAwait(false);
        HttpRequestMessage Build()
        {
            var message = _connection.CreateRequest(HttpMethod.Post, $"/messageexchange/{_mailboxId}/outbox");
            message.Content = chunk.CreateContent(total == 1 ? request.ContentType ?? OctetStream : OctetStream);
            AddMetadata(message, request, total);
            return message;
        }

        using var json = await _connection.SendForJsonAsync(Build, retryable: false, cancellationToken).ConfigureAwait(false);
        return MeshJson.ReadMessageId(json.RootElement) ?? throw new MeshApiException(
            System.Net.HttpStatusCode.Accepted,
            new MeshError(MeshClientErrorCodes.InvalidResponse, "SEND", "Send response carried no message_id", null));
    }

    private async Task SendChunkAsync(MeshSendRequest request, ChunkSource source, int chunkSize, string messageId,
        int number, int total, CancellationToken cancellationToken)
    {
        await using var chunk = await ChunkBody.CreateAsync(source, number, chunkSize, request.Compress == true, cancellationToken)
            .ConfigureAwait(false);
        var path = $"/messageexchange/{_mailboxId}/outbox/{Uri.EscapeDataString(messageId)}/{number.ToString(CultureInfo.InvariantCulture)}";
        HttpRequestMessage Build()
        {
            var message = _connection.CreateRequest(HttpMethod.Post, path);
            message.Content = chunk.CreateContent(OctetStream);
            message.Headers.TryAddWithoutValidation(MeshHeaders.ChunkRange, Range(number, total));
            return message;
        }

        await _connection.SendForStatusAsync(Build, retryable: true, cancellationToken).ConfigureAwait(false);
    }

    private void AddMetadata(HttpRequestMessage message, MeshSendRequest request, int total)
    {
        var headers = message.Headers;
        headers.TryAddWithoutValidation(MeshHeaders.From, _mailboxId);
        headers.TryAddWithoutValidation(MeshHeaders.To, request.To.Trim());
        headers.TryAddWithoutValidation(MeshHeaders.WorkflowId, request.WorkflowId.Trim());
        headers.TryAddWithoutValidation(MeshHeaders.ChunkRange, Range(1, total));
        AddOptional(headers, MeshHeaders.Subject, request.Subject);
        AddOptional(headers, MeshHeaders.LocalId, request.LocalId);
        AddOptional(headers, MeshHeaders.FileName, request.FileName);
        AddOptional(headers, MeshHeaders.PartnerId, request.PartnerId);
        AddOptional(headers, MeshHeaders.ContentChecksum, request.ContentChecksum);
        AddOptional(headers, MeshHeaders.ContentType, request.ContentType);
        AddOptional(headers, MeshHeaders.ContentEncrypted, request.ContentEncrypted ? "Y" : null);
        AddOptional(headers, MeshHeaders.ContentCompressed, request.ContentCompressed ? "Y" : null);
    }

    private static void AddOptional(HttpRequestHeaders headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }

    private static string Range(int number, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{number}:{total}");
}
