using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>
/// A write-only sink for transcoded download bodies: small bodies are buffered so the response carries a Content-Length
/// (as the sandbox's do); once the buffer limit is passed, it spills to the response and streams the rest, keeping memory bounded.
/// </summary>
internal sealed class SpillingResponseStream(HttpResponse response, int limit) : Stream
{
    private readonly MemoryStream _buffer = new();
    private bool _spilled;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_spilled && _buffer.Length + buffer.Length <= limit)
        {
            _buffer.Write(buffer.Span);
            return;
        }

        if (!_spilled)
        {
            _spilled = true;
            await response.Body.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken).ConfigureAwait(false);
            _buffer.SetLength(0);
        }

        await response.Body.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel forbids synchronous I/O; a synchronous caller is bridged (GZipStream uses the async path here).
    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Writes what is still buffered, with a Content-Length when nothing was streamed yet.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (!_spilled)
        {
            response.ContentLength = _buffer.Length;
            await response.Body.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct).ConfigureAwait(false);
        }
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}
