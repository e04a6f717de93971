using System.Text;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Turns byte offsets into one-based line and column positions; columns count UTF-16 characters. While offsets only
/// move forward (a parse of well-formed input), lines and columns are counted incrementally from the last position
/// and nothing is allocated; the first backward request (an issue reported at an earlier offset) builds a newline
/// table, used from then on.
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
            if (target >= _cachedOffset)
            {
                return Forward(span, target);
            }

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

    /// <summary>The position of an offset at or after the last one, counted from the last one.</summary>
    private SourcePosition Forward(ReadOnlySpan<byte> span, int target)
    {
        var line = Math.Max(_cachedLine, 0);
        var column = _cachedLine < 0 ? 1 : _cachedColumn;
        var skipped = span[_cachedOffset..target];
        var lastNewline = skipped.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            line += skipped.Count((byte)'\n');
            column = 1 + Encoding.UTF8.GetCharCount(skipped[(lastNewline + 1)..]);
        }
        else
        {
            column += Encoding.UTF8.GetCharCount(skipped);
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
        // Offsets mostly move forward, within the last line or a few lines on (pretty-printed input has one member
        // per line): look there before searching.
        var starts = _lineStarts.AsSpan(0, _lineCount);
        var last = _cachedLine;
        if (last >= 0 && offset >= starts[last])
        {
            for (var line = last; line < starts.Length && line < last + 8; line++)
            {
                if (line + 1 == starts.Length || offset < starts[line + 1])
                {
                    return line;
                }
            }
        }

        var index = starts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }
}
