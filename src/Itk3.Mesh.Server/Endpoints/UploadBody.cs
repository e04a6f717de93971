using System.IO.Compression;
using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>Stores a request body as one chunk, enforcing the size limit, emptiness and (for gzip) the gzip framing.</summary>
internal static class UploadBody
{
    /// <summary>The stored size, or the error to answer with (the chunk is then discarded).</summary>
    public static async Task<(long Size, MeshError? Error)> StoreAsync(
        HttpRequest request, MessageStore store, string messageId, int number, string? encoding, MeshLimits limits, bool discardOnError)
    {
        var limit = limits.MaxRequestBytes;
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
            : encoding == "gzip" && !await IsValidGzipAsync(store.Locate(messageId, number), limits.InflateGzipOnUpload).ConfigureAwait(false)
                ? MeshError.InvalidGzip
            : null;
        if (error is not null && discardOnError)
        {
            store.DiscardChunks(messageId);
        }

        return (size, error);
    }

    /// <summary>The gzip framing always (no inflate); the whole stream and its CRC only when <paramref name="inflate"/> is set.</summary>
    private static async Task<bool> IsValidGzipAsync(ChunkLocation chunk, bool inflate)
    {
        if (!GzipFraming.IsPlausible(chunk))
        {
            return false;
        }

        if (!inflate)
        {
            return true;
        }

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
