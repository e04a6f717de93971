using System.Text;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Turns byte offsets into one-based line and column positions. The newline table is built once, on the first request;
/// columns count UTF-16 characters and are computed incrementally while offsets move forward on one line.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly ReadOnlyMemory<byte> _content;
    private int[]? _lineStarts;
    private int _lineCount;
    private int _cachedLine = -1;
    private int _cachedOffset;
    private int _cachedColumn;

    public JsonLineIndex(ReadOnlyMemory<byte> content) => _content = content;

    /// <summary>The position of the byte at <paramref name="offset"/>.</summary>
    public SourcePosition At(long offset)
    {
        var span = _content.Span;
        var target = (int)Math.Clamp(offset, 0, span.Length);
        if (_lineStarts is null)
        {
            BuildTable(span);
        }

        var line = FindLine(target);
        int column;
        if (line == _cachedLine && target >= _cachedOffset)
        {
            column = _cachedColumn + Encoding.UTF8.GetCharCount(span[_cachedOffset..target]);
        }
        else
        {
            column = 1 + Encoding.UTF8.GetCharCount(span[_lineStarts![line]..target]);
        }

        (_cachedLine, _cachedOffset, _cachedColumn) = (line, target, column);
        return new SourcePosition(line + 1, column);
    }

    private void BuildTable(ReadOnlySpan<byte> span)
    {
        var starts = new int[Math.Max(16, span.Count((byte)'\n') + 1)];
        var count = 1;
        var position = 0;
        while (true)
        {
            var next = span[position..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            position += next + 1;
            starts[count++] = position;
        }

        _lineStarts = starts;
        _lineCount = count;
    }

    private int FindLine(int offset)
    {
        // Offsets mostly move forward within one line: check the last line before searching.
        var last = _cachedLine;
        if (last >= 0 && offset >= _lineStarts![last] && (last + 1 == _lineCount || offset < _lineStarts[last + 1]))
        {
            return last;
        }

        var index = Array.BinarySearch(_lineStarts!, 0, _lineCount, offset);
        return index >= 0 ? index : ~index - 1;
    }
}
