using System.IO.Compression;
using System.Net;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Http;

namespace Itk3.Mesh.Transfer;

/// <summary>
/// A forward-only stream over all chunks of an inbox message: it reads chunk 1's open response, then fetches chunk n
/// (2..N) only when the previous one is exhausted, gunzipping each chunk separately when it came with
/// Content-Encoding: gzip. Memory use is one socket buffer, whatever the message size.
/// </summary>
internal sealed class MeshDownloadStream : Stream
{
    private readonly Func<int, CancellationToken, Task<HttpResponseMessage>> _fetchChunk;
    private readonly int _totalChunks;
    private HttpResponseMessage? _response;
    private Stream? _body;
    private int _chunk;
    private long _position;
    private bool _disposed;

    public MeshDownloadStream(
        HttpResponseMessage firstChunk, int totalChunks, Func<int, CancellationToken, Task<HttpResponseMessage>> fetchChunk)
    {
        _response = firstChunk;
        _totalChunks = totalChunks;
        _fetchChunk = fetchChunk;
        _chunk = 1;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var body = _body ??= await OpenBodyAsync(cancellationToken).ConfigureAwait(false);
            var read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                _position += read;
                return read;
            }

            if (_chunk >= _totalChunks)
            {
                return 0;
            }

            await CloseCurrentAsync().ConfigureAwait(false);
            _chunk++;
            _response = await _fetchChunk(_chunk, cancellationToken).ConfigureAwait(false);
            CheckChunkNumber(_response, _chunk);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Synchronous reads would block on the network; use the async methods (CopyToAsync, ReadAsync).</summary>
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("MESH downloads are read asynchronously: use ReadAsync or CopyToAsync.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await CloseCurrentAsync().ConfigureAwait(false);
        _disposed = true;
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body?.Dispose();
            _response?.Dispose();
            _body = null;
            _response = null;
            _disposed = true;
        }

        base.Dispose(disposing);
    }

    private async Task<Stream> OpenBodyAsync(CancellationToken cancellationToken)
    {
        var response = _response ?? throw new ObjectDisposedException(nameof(MeshDownloadStream));
        var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var gzip = response.Content.Headers.ContentEncoding.Any(e => e.Equals("gzip", StringComparison.OrdinalIgnoreCase));
        return gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    }

    private async ValueTask CloseCurrentAsync()
    {
        if (_body is not null)
        {
            await _body.DisposeAsync().ConfigureAwait(false);
            _body = null;
        }

        _response?.Dispose();
        _response = null;
    }

    private static void CheckChunkNumber(HttpResponseMessage response, int expected)
    {
        var range = response.Headers.TryGetValues(MeshHeaders.ChunkRange, out var values) ? values.FirstOrDefault() : null;
        if (range is not null && MeshMetadataReader.ParseChunkRange(range).Chunk != expected)
        {
            response.Dispose();
            throw new MeshApiException(HttpStatusCode.OK, new MeshError(
                MeshClientErrorCodes.ChunkSequence, "RECEIVE", $"Expected chunk {expected}, got {range}", null));
        }
    }
}
