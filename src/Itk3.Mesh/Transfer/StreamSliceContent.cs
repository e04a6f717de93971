using System.Net;

namespace Itk3.Mesh.Transfer;

/// <summary>
/// Request content that copies <c>count</c> bytes from <c>offset</c> of a seekable stream straight to the socket,
/// so a chunk is never held in memory; seeking first makes it replayable for retries.
/// </summary>
internal sealed class StreamSliceContent : HttpContent
{
    private const int BufferSize = 81920;
    private readonly Stream _source;
    private readonly long _offset;
    private readonly long _count;

    public StreamSliceContent(Stream source, long offset, long count)
    {
        _source = source;
        _offset = offset;
        _count = count;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _source.Seek(_offset, SeekOrigin.Begin);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var remaining = _count;
            while (remaining > 0)
            {
                var read = await _source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken)
                    .ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The content stream ended before the announced length.");
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _count;
        return true;
    }
}
