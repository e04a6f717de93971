using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Primitives;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// A lean tokenizer for a whole JSON text held in one span, with the part of <see cref="Utf8JsonReader"/>'s surface
/// that the tree reader uses. It accepts what <see cref="Utf8JsonReader"/> accepts (RFC 8259, no comments, no trailing
/// commas, nesting up to <see cref="MaxDepth"/>) and gives the same tokens, values, offsets and depths; at the first
/// thing it does not take (a syntax error, deeper nesting, an escaped property name, invalid UTF-8 in a string read
/// as text) it throws <see cref="JsonTokenizerFallbackException"/>, and the caller reads the input again with
/// <see cref="Utf8JsonReader"/>, which reports the defect precisely.
/// </summary>
internal ref struct JsonTokenizer : IJsonTokenSource
{
    /// <summary>The deepest nesting read here; deeper input is left to <see cref="Utf8JsonReader"/>.</summary>
    public const int MaxDepth = 128;

    /// <summary>Strings up to this many bytes are searched for their end only.</summary>
    private const int ShortString = 64;

    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    // What a string holds up to its end when it is ASCII: printable ASCII and DEL, but neither quote nor backslash.
    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create(
        Enumerable.Range(0x20, 0x60).Where(b => b is not '"' and not '\\').Select(b => (byte)b).ToArray());

    private static readonly SearchValues<byte> WhiteSpace = SearchValues.Create(" \n\r\t"u8);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _tokenStart;
    private int _valueStart;
    private int _valueLength;
    private int _depth;
    private int _alphabetRun;
    private ulong _objectsLow;
    private ulong _objectsHigh;
    private JsonTokenType _token;
    private bool _escaped;
    private bool _ascii;
    private int _line;
    private int _lineStart;
    private bool _lineHasNonAscii;

    /// <summary>A tokenizer at the start of <paramref name="data"/>, a complete JSON text.</summary>
    public JsonTokenizer(ReadOnlySpan<byte> data) => _data = data;

    /// <inheritdoc />
    public readonly JsonTokenType TokenType => _token;

    /// <inheritdoc />
    public readonly long TokenStartIndex => _tokenStart;

    /// <inheritdoc />
    public readonly int CurrentDepth => _token is JsonTokenType.StartObject or JsonTokenType.StartArray ? _depth - 1 : _depth;

    /// <inheritdoc />
    public readonly ReadOnlySpan<byte> ValueSpan => _data.Slice(_valueStart, _valueLength);

    /// <inheritdoc />
    public readonly bool ValueIsEscaped => _escaped;

    /// <inheritdoc />
    public readonly SourcePosition Position => new(_line + 1, _lineHasNonAscii
        ? 1 + Encoding.UTF8.GetCharCount(_data[_lineStart.._tokenStart])
        : _tokenStart - _lineStart + 1);

    /// <inheritdoc />
    public readonly bool ValueIsAscii => _token is JsonTokenType.String or JsonTokenType.PropertyName && _ascii;

    /// <inheritdoc />
    public readonly int Base64AlphabetRun => _token == JsonTokenType.String ? Math.Min(_alphabetRun, _valueLength) : 0;

    /// <inheritdoc />
    public readonly bool ValueTextEquals(ReadOnlySpan<byte> text) => _escaped ? throw Fallback() : ValueSpan.SequenceEqual(text);

    /// <inheritdoc />
    public readonly string GetString()
    {
        if (_escaped)
        {
            throw Fallback();
        }

        if (ValueIsAscii)
        {
            // Latin-1 widens each byte to its character: for ASCII, the UTF-8 decoding without checking the bytes again.
            return Encoding.Latin1.GetString(ValueSpan);
        }

        try
        {
            return StrictUtf8.GetString(ValueSpan);
        }
        catch (DecoderFallbackException)
        {
            throw Fallback();
        }
    }

    /// <inheritdoc />
    public bool Read()
    {
        var data = _data;
        var position = SkipWhiteSpace(data, _position);
        switch (_token)
        {
            case JsonTokenType.None:
            case JsonTokenType.PropertyName:
                ReadValue(data, position);
                return true;
            case JsonTokenType.StartObject:
                if (At(data, position) == '}')
                {
                    EndContainer(JsonTokenType.EndObject, position);
                    return true;
                }

                ReadPropertyName(data, position);
                return true;
            case JsonTokenType.StartArray:
                if (At(data, position) == ']')
                {
                    EndContainer(JsonTokenType.EndArray, position);
                    return true;
                }

                ReadValue(data, position);
                return true;
            default:
                return ReadAfterValue(data, position);
        }
    }

    /// <summary>After a value: the end of the text at depth 0, else a comma and the next member or item, or the container's end.</summary>
    private bool ReadAfterValue(ReadOnlySpan<byte> data, int position)
    {
        if (_depth == 0)
        {
            _position = position;
            return position == data.Length ? false : throw Fallback();
        }

        var next = At(data, position);
        var inObject = InObject;
        if (next == ',')
        {
            position = SkipWhiteSpace(data, position + 1);
            if (inObject)
            {
                ReadPropertyName(data, position);
            }
            else
            {
                ReadValue(data, position);
            }

            return true;
        }

        if (next != (inObject ? '}' : ']'))
        {
            throw Fallback();
        }

        EndContainer(inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray, position);
        return true;
    }

    private void ReadPropertyName(ReadOnlySpan<byte> data, int position)
    {
        if (At(data, position) != '"')
        {
            throw Fallback();
        }

        ReadString(data, position);
        if (_escaped)
        {
            throw Fallback();
        }

        var colon = SkipWhiteSpace(data, _position);
        if (At(data, colon) != ':')
        {
            throw Fallback();
        }

        _position = colon + 1;
        _token = JsonTokenType.PropertyName;
    }

    private void ReadValue(ReadOnlySpan<byte> data, int position)
    {
        switch (At(data, position))
        {
            case (byte)'"':
                ReadString(data, position);
                _token = JsonTokenType.String;
                return;
            case (byte)'{':
                StartContainer(JsonTokenType.StartObject, position, isObject: true);
                return;
            case (byte)'[':
                StartContainer(JsonTokenType.StartArray, position, isObject: false);
                return;
            case (byte)'t':
                ReadLiteral(data, position, "true"u8, JsonTokenType.True);
                return;
            case (byte)'f':
                ReadLiteral(data, position, "false"u8, JsonTokenType.False);
                return;
            case (byte)'n':
                ReadLiteral(data, position, "null"u8, JsonTokenType.Null);
                return;
            default:
                ReadNumber(data, position);
                return;
        }
    }

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

    private void SetValue(JsonTokenType token, int start, int length)
    {
        _token = token;
        _tokenStart = start;
        _valueStart = start;
        _valueLength = length;
        _escaped = false;
        _position = start + length;
    }

    private void StartContainer(JsonTokenType token, int position, bool isObject)
    {
        if (_depth == MaxDepth)
        {
            throw Fallback();
        }

        var bit = 1UL << (_depth & 63);
        ref var objects = ref _depth < 64 ? ref _objectsLow : ref _objectsHigh;
        objects = isObject ? objects | bit : objects & ~bit;
        _depth++;
        SetValue(token, position, 1);
    }

    private void EndContainer(JsonTokenType token, int position)
    {
        _depth--;
        SetValue(token, position, 1);
    }

    private readonly bool InObject
    {
        get
        {
            var top = _depth - 1;
            return (((top < 64 ? _objectsLow : _objectsHigh) >> (top & 63)) & 1) != 0;
        }
    }

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

    /// <summary>The byte at <paramref name="position"/>, or 0 (never valid where a byte is expected) past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte At(ReadOnlySpan<byte> data, int position) => (uint)position < (uint)data.Length ? data[position] : (byte)0;

    private static JsonTokenizerFallbackException Fallback() => new();
}

/// <summary>Thrown by <see cref="JsonTokenizer"/> for input it leaves to <see cref="Utf8JsonReader"/>.</summary>
internal sealed class JsonTokenizerFallbackException : Exception;
