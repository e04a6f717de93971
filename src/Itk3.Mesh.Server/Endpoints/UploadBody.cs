using System.IO.Compression;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>Stores a request body as one chunk, enforcing the size limit, emptiness and (for gzip) well-formedness.</summary>
internal static class UploadBody
{
    /// <summary>The stored size, or the error to answer with (the chunk is then discarded).</summary>
    public static async Task<(long Size, MeshError? Error)> StoreAsync(
        HttpRequest request, MessageStore store, string messageId, int number, string? encoding, long limit, bool discardOnError)
    {
        if (request.ContentLength > limit)
        {
            return (0, MeshError.TooLarge);
        }

        if (request.ContentLength == 0)
        {
            return (0, MeshError.DataFileMissing);
        }

        var size = await store.WriteChunkAsync(messageId, number, request.Body, request.ContentLength, limit, request.HttpContext.RequestAborted)
            .ConfigureAwait(false);
        var error = size < 0 ? MeshError.TooLarge
            : size == 0 ? MeshError.DataFileMissing
            : encoding == "gzip" && !await IsValidGzipAsync(store.Locate(messageId, number)).ConfigureAwait(false) ? MeshError.InvalidGzip
            : null;
        if (error is not null && discardOnError)
        {
            store.DiscardChunks(messageId);
        }

        return (size, error);
    }

    private static async Task<bool> IsValidGzipAsync(ChunkLocation chunk)
    {
        try
        {
            await using var file = chunk.OpenRead();
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await gzip.CopyToAsync(Stream.Null).ConfigureAwait(false);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
