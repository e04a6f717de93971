using System.Buffers;

namespace Itk3.Gateway.Outbound;

/// <summary>
/// A buffer writer that keeps what is written in pieces rented from <see cref="ArrayPool{T}.Shared"/> (64 KiB unless a write asks
/// for more), never in one growing array: a large serialised message is written without the large-object-heap copies a doubling
/// buffer leaves behind, and is read back as a <see cref="ReadOnlySequence{T}"/>. Disposing returns the pieces.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int PieceBytes = 64 * 1024;
    private readonly List<(byte[] Array, int Used)> _pieces = [];
    private byte[]? _current;
    private int _used;

    /// <summary>How many bytes were written.</summary>
    public long Length { get; private set; }

    /// <summary>What was written, in order; valid until the writer is disposed.</summary>
    public ReadOnlySequence<byte> Written
    {
        get
        {
            Seal();
            return Piece.Chain(_pieces);
        }
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        if (count < 0 || _current is null || _used + count > _current.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "advanced past the buffer that was handed out");
        }

        _used += count;
        Length += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_used);

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_used);

    /// <summary>Returns the pieces to the pool.</summary>
    public void Dispose()
    {
        Seal();
        foreach (var (array, _) in _pieces)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _pieces.Clear();
    }

    private byte[] Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current is null || _current.Length - _used < needed)
        {
            Seal();
            _current = ArrayPool<byte>.Shared.Rent(Math.Max(PieceBytes, needed));
            _used = 0;
        }

        return _current;
    }

    /// <summary>Moves the current piece, if anything was written to it, to the written pieces.</summary>
    private void Seal()
    {
        if (_current is null)
        {
            return;
        }

        if (_used > 0)
        {
            _pieces.Add((_current, _used));
        }
        else
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _current = null;
        _used = 0;
    }

    private sealed class Piece : ReadOnlySequenceSegment<byte>
    {
        private Piece(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Chain(List<(byte[] Array, int Used)> pieces)
        {
            if (pieces.Count == 0)
            {
                return ReadOnlySequence<byte>.Empty;
            }

            var first = new Piece(pieces[0].Array.AsMemory(0, pieces[0].Used), 0);
            var last = first;
            foreach (var (array, used) in pieces.Skip(1))
            {
                var next = new Piece(array.AsMemory(0, used), last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
