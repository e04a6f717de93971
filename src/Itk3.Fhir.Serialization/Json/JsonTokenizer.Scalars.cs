using System.Runtime.CompilerServices;
using System.Text.Json;
using Itk3.Fhir.Primitives;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>The tokenizer's scalars: strings and their escapes, numbers, literals, and white space with its line breaks.</summary>
internal ref partial struct JsonTokenizer
{
    /// <summary>Reads the string whose opening quote is at <paramref name="start"/>, checking its escapes and that it holds no control character.</summary>
    private void ReadString(ReadOnlySpan<byte> data, int start)
    {
        var first = start + 1;
        var stop = FindStringStop(data, first);
        _escaped = false;
        while (data[stop] == '\\')
        {
            _escaped = true;
            _ascii = false;
            stop = IndexOfStop(data, SkipEscape(data, stop));
        }

        if (data[stop] != '"')
        {
            throw Fallback();
        }

        _tokenStart = start;
        _valueStart = first;
        _valueLength = stop - first;
        _position = stop + 1;
        _lineHasNonAscii |= !_ascii;
    }

    /// <summary>
    /// The first quote, backslash or control byte of the string starting at <paramref name="first"/>; a short string
    /// is also known to be ASCII or not (<see cref="ValueIsAscii"/>) from the same search. A string still
    /// open after <see cref="ShortString"/> bytes may be an attachment: its run of base64 alphabet is then measured
    /// (<see cref="Base64AlphabetRun"/>) in the same pass that looks for its end, so that its check need not read it again.
    /// </summary>
    private int FindStringStop(ReadOnlySpan<byte> data, int first)
    {
        _alphabetRun = 0;
        _ascii = true;
        var window = data.Slice(first, Math.Min(ShortString, data.Length - first));
        var found = window.IndexOfAnyExcept(PlainAscii);
        if (found >= 0)
        {
            var stop = first + found;
            if (data[stop] < 0x80)
            {
                return stop;
            }

            _ascii = false;
            return IndexOfStop(data, stop);
        }

        _ascii = false;
        _alphabetRun = Base64Form.AlphabetRun(data[first..]);
        return IndexOfStop(data, first + _alphabetRun);
    }

    private static int IndexOfStop(ReadOnlySpan<byte> data, int from)
    {
        var found = (uint)from <= (uint)data.Length ? data[from..].IndexOfAny(StringStops) : -1;
        return found < 0 ? throw Fallback() : from + found;
    }

    /// <summary>The offset after the escape sequence at <paramref name="backslash"/> (one of JSON's nine).</summary>
    private static int SkipEscape(ReadOnlySpan<byte> data, int backslash)
    {
        switch (At(data, backslash + 1))
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return backslash + 2;
            case (byte)'u':
                var digits = backslash + 2;
                if (digits + 4 > data.Length || !IsHex(data[digits]) || !IsHex(data[digits + 1]) || !IsHex(data[digits + 2]) || !IsHex(data[digits + 3]))
                {
                    throw Fallback();
                }

                return digits + 4;
            default:
                throw Fallback();
        }
    }

    private static bool IsHex(byte value) => char.IsAsciiHexDigit((char)value);

    private void ReadLiteral(ReadOnlySpan<byte> data, int position, ReadOnlySpan<byte> literal, JsonTokenType token)
    {
        if (!data[position..].StartsWith(literal))
        {
            throw Fallback();
        }

        SetValue(token, position, literal.Length);
    }

    /// <summary>Reads a number by RFC 8259's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private void ReadNumber(ReadOnlySpan<byte> data, int start)
    {
        var position = start;
        if (At(data, position) == '-')
        {
            position++;
        }

        var integer = At(data, position);
        if (integer == '0')
        {
            position++;
        }
        else if (IsDigit(integer))
        {
            position = SkipDigits(data, position + 1);
        }
        else
        {
            throw Fallback();
        }

        if (At(data, position) == '.')
        {
            position = SkipRequiredDigits(data, position + 1);
        }

        if ((At(data, position) | 0x20) == 'e')
        {
            position++;
            if (At(data, position) is (byte)'+' or (byte)'-')
            {
                position++;
            }

            position = SkipRequiredDigits(data, position);
        }

        if (position < data.Length && !IsDelimiter(data[position]))
        {
            throw Fallback();
        }

        SetValue(JsonTokenType.Number, start, position - start);
    }

    private static int SkipRequiredDigits(ReadOnlySpan<byte> data, int position) =>
        IsDigit(At(data, position)) ? SkipDigits(data, position + 1) : throw Fallback();

    private static int SkipDigits(ReadOnlySpan<byte> data, int position)
    {
        while (position < data.Length && IsDigit(data[position]))
        {
            position++;
        }

        return position;
    }

    private static bool IsDigit(byte value) => (uint)(value - '0') <= 9;

    private static bool IsDelimiter(byte value) => value is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    /// <summary>The offset of the first byte from <paramref name="position"/> on that is not JSON white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SkipWhiteSpace(ReadOnlySpan<byte> data, int position)
    {
        // Compact input has none; pretty input a single space after a colon, or a line break and an indentation.
        if ((uint)position < (uint)data.Length && data[position] > ' ')
        {
            return position;
        }

        if ((uint)(position + 1) < (uint)data.Length && data[position] == ' ' && data[position + 1] > ' ')
        {
            return position + 1;
        }

        return SkipWhiteSpaceRun(data, position);
    }

    /// <summary>Skips a run of white space, counting the lines it ends (JSON has line breaks nowhere else).</summary>
    private int SkipWhiteSpaceRun(ReadOnlySpan<byte> data, int position)
    {
        if ((uint)position >= (uint)data.Length)
        {
            return data.Length;
        }

        if (data[position] == '\n')
        {
            // Pretty printing's run: a line break and an indentation of spaces.
            var indentation = data[(position + 1)..].IndexOfAnyExcept((byte)' ');
            var next = indentation < 0 ? data.Length : position + 1 + indentation;
            if (next == data.Length || data[next] > ' ')
            {
                _line++;
                _lineStart = position + 1;
                _lineHasNonAscii = false;
                return next;
            }
        }

        var length = data[position..].IndexOfAnyExcept(WhiteSpace);
        var end = length < 0 ? data.Length : position + length;
        var run = data[position..end];
        var lastBreak = run.LastIndexOf((byte)'\n');
        if (lastBreak >= 0)
        {
            _line += lastBreak == 0 ? 1 : run.Count((byte)'\n');
            _lineStart = position + lastBreak + 1;
            _lineHasNonAscii = false;
        }

        return end;
    }
}
