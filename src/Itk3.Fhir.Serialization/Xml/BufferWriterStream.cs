using System.Buffers;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>A write-only stream that appends to an <see cref="IBufferWriter{T}"/>, so that an XmlWriter can write straight into it.</summary>
internal sealed class BufferWriterStream(IBufferWriter<byte> output) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var target = output.GetSpan(buffer.Length);
            var length = Math.Min(target.Length, buffer.Length);
            buffer[..length].CopyTo(target);
            output.Advance(length);
            buffer = buffer[length..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
