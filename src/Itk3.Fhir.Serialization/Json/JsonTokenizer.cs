using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// A lean tokenizer for a whole JSON text held in one span, with the part of <see cref="Utf8JsonReader"/>'s surface
/// that the tree reader uses. It accepts what <see cref="Utf8JsonReader"/> accepts (RFC 8259, no comments, no trailing
/// commas, nesting up to <see cref="MaxDepth"/>) and gives the same tokens, values, offsets and depths; at the first
/// thing it does not take (a syntax error, deeper nesting, an escaped property name, invalid UTF-8 in a string read
/// as text) it throws <see cref="JsonTokenizerFallbackException"/>, and the caller reads the input again with
/// <see cref="Utf8JsonReader"/>, which reports the defect precisely.
/// </summary>
internal ref partial struct JsonTokenizer : IJsonTokenSource
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

    /// <summary>The byte at <paramref name="position"/>, or 0 (never valid where a byte is expected) past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte At(ReadOnlySpan<byte> data, int position) => (uint)position < (uint)data.Length ? data[position] : (byte)0;

    private static JsonTokenizerFallbackException Fallback() => new();
}

/// <summary>Thrown by <see cref="JsonTokenizer"/> for input it leaves to <see cref="Utf8JsonReader"/>.</summary>
internal sealed class JsonTokenizerFallbackException : Exception;
