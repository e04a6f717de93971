namespace Itk3.Mesh.Server.Storage;

/// <summary>Durable file writes: write a temporary file beside the target, fsync it, then rename it over the target.</summary>
internal static class AtomicFile
{
    public const string TempSuffix = ".tmp";

    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var temp = path + TempSuffix;
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Copies a stream to a file atomically; returns the byte count, or -1 (nothing written) when it exceeds <paramref name="limit"/>.</summary>
    public static async Task<long> WriteAsync(string path, Stream source, long limit, CancellationToken ct)
    {
        var temp = path + TempSuffix;
        long total = 0;
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    break;
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            }

            stream.Flush(flushToDisk: true);
        }

        if (total > limit)
        {
            File.Delete(temp);
            return -1;
        }

        File.Move(temp, path, overwrite: true);
        return total;
    }
}
