using System.Buffers;
using System.IO.Compression;

namespace Itk3.Mesh.Transfer;

/// <summary>
/// One chunk's request body, replayable for retries: a slice copied straight from the source, or (when compressing)
/// its gzip, held in a pooled buffer up to <see cref="InMemoryGzipLimit"/> and spooled to a temporary file above it,
/// so memory stays small whatever the chunk size.
/// </summary>
internal sealed class ChunkBody : IAsyncDisposable
{
    /// <summary>Chunks up to this size are gzipped in memory; larger ones into a temporary file.</summary>
    public const int InMemoryGzipLimit = 4 * 1024 * 1024;

    private readonly Stream _source;
    private readonly long _offset;
    private readonly long _count;
    private byte[]? _buffer;
    private FileStream? _spool;
    private long _gzipLength;

    private ChunkBody(Stream source, long offset, long count)
    {
        _source = source;
        _offset = offset;
        _count = count;
    }

    /// <summary>Body of chunk <paramref name="number"/> (1-based) of <paramref name="source"/>.</summary>
    public static async Task<ChunkBody> CreateAsync(
        ChunkSource source, int number, int chunkSize, bool compress, CancellationToken cancellationToken)
    {
        var skipped = (long)(number - 1) * chunkSize;
        var body = new ChunkBody(source.Stream, source.Start + skipped, Math.Min(chunkSize, source.Length - skipped));
        if (compress)
        {
            await body.CompressAsync(cancellationToken).ConfigureAwait(false);
        }

        return body;
    }

    /// <summary>A fresh content object over the same bytes (one per attempt).</summary>
    public HttpContent CreateContent(string contentType)
    {
        HttpContent content = _buffer is not null ? new ReadOnlyMemoryContent(_buffer.AsMemory(0, (int)_gzipLength))
            : _spool is not null ? new StreamSliceContent(_spool, 0, _gzipLength)
            : new StreamSliceContent(_source, _offset, _count);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (_buffer is not null || _spool is not null)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return content;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        if (_spool is not null)
        {
            await _spool.DisposeAsync().ConfigureAwait(false);
            _spool = null;
        }
    }

    private async Task CompressAsync(CancellationToken cancellationToken)
    {
        Stream target;
        if (_count <= InMemoryGzipLimit)
        {
            // Deflate's worst case is a few bytes per 64 KiB block plus the gzip frame; 1% + 4 KiB is ample.
            _buffer = ArrayPool<byte>.Shared.Rent((int)(_count + (_count / 100) + 4096));
            target = new MemoryStream(_buffer, 0, _buffer.Length, writable: true);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "itk3-mesh-chunk-" + Path.GetRandomFileName());
            _spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            target = _spool;
        }

        await using (var gzip = new GZipStream(target, CompressionLevel.Fastest, leaveOpen: true))
        {
            await new StreamSliceContent(_source, _offset, _count).CopyToAsync(gzip, cancellationToken).ConfigureAwait(false);
        }

        _gzipLength = target.Position;
        await target.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
