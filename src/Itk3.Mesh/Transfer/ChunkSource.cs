namespace Itk3.Mesh.Transfer;

/// <summary>
/// A seekable view of the content to send, so its length (and so the chunk count) is known before chunk 1 and each
/// chunk can be replayed on retry. A non-seekable stream is first spooled to a temporary file (bounded memory).
/// </summary>
internal sealed class ChunkSource : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly bool _owned;

    private ChunkSource(Stream stream, long start, bool owned)
    {
        _stream = stream;
        _owned = owned;
        Start = start;
        Length = stream.Length - start;
    }

    /// <summary>Position in the stream where the content begins.</summary>
    public long Start { get; }

    /// <summary>Number of bytes to send.</summary>
    public long Length { get; }

    /// <summary>The seekable stream the chunks are read from.</summary>
    public Stream Stream => _stream;

    /// <summary>Wraps <paramref name="content"/> from its current position, spooling it first when it cannot seek.</summary>
    public static async Task<ChunkSource> OpenAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            return new ChunkSource(content, content.Position, owned: false);
        }

        var path = Path.Combine(Path.GetTempPath(), "itk3-mesh-" + Path.GetRandomFileName());
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await content.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
            return new ChunkSource(spool, 0, owned: true);
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The number of chunks of <paramref name="chunkSize"/> bytes (at least one, even for empty content).</summary>
    public int ChunkCount(int chunkSize) => Length == 0 ? 1 : checked((int)((Length + chunkSize - 1) / chunkSize));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _owned ? _stream.DisposeAsync() : ValueTask.CompletedTask;
}
