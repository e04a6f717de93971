namespace Itk3.Mesh.Server.Storage;

/// <summary>Durable file writes: write a temporary file beside the target, fsync it, rename it over the target, fsync the directory.</summary>
internal static class AtomicFile
{
    public const string TempSuffix = ".tmp";

    /// <summary>
    /// Writes <paramref name="head"/> then the rest of <paramref name="source"/> to a file atomically; returns the byte
    /// count, or -1 (nothing written) when it exceeds <paramref name="limit"/>.
    /// </summary>
    public static async Task<long> WriteAsync(string path, ReadOnlyMemory<byte> head, Stream source, long limit, CancellationToken ct)
    {
        var temp = path + TempSuffix;
        long total = head.Length;
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await stream.WriteAsync(head, ct).ConfigureAwait(false);
            var buffer = new byte[81920];
            int read;
            while (total <= limit && (read = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total <= limit)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }
            }

            stream.Flush(flushToDisk: true);
        }

        if (total > limit)
        {
            File.Delete(temp);
            return -1;
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(path)!);
        return total;
    }
}
