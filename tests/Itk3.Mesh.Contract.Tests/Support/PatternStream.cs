using System.Buffers.Binary;

namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>
/// A seekable read-only stream of <c>length</c> pseudo-random bytes computed from the position and a seed, so
/// hundreds of megabytes can be sent and checked without ever being held in memory.
/// </summary>
public sealed class PatternStream(long length, ulong seed = 0x9E3779B97F4A7C15) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>The byte at <paramref name="position"/>.</summary>
    public static byte ByteAt(long position, ulong seed)
    {
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(word, Mix((ulong)(position >> 3) ^ seed));
        return word[(int)(position & 7)];
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, length - _position));
        Fill(buffer[..count], _position, seed);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Fills <paramref name="target"/> with the pattern starting at <paramref name="position"/>.</summary>
    public static void Fill(Span<byte> target, long position, ulong seed)
    {
        var i = 0;
        while (i < target.Length && ((position + i) & 7) != 0)
        {
            target[i] = ByteAt(position + i, seed);
            i++;
        }

        for (; i + 8 <= target.Length; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(target[i..], Mix((ulong)((position + i) >> 3) ^ seed));
        }

        for (; i < target.Length; i++)
        {
            target[i] = ByteAt(position + i, seed);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
