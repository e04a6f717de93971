using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Turns an escaped JSON string token into a string in one pass: runs between escapes are transcoded straight into a
/// reusable character buffer and escapes are resolved in place. <see cref="Utf8JsonReader.GetString"/> unescapes
/// into a rented byte buffer, transcodes it and then clears it; this does the same work once and clears the buffer
/// once per parse. It refuses exactly what <c>GetString</c> refuses (invalid UTF-8, a lone or reversed surrogate
/// escape), with the same <see cref="InvalidOperationException"/>; the reader has already checked escape syntax.
/// </summary>
internal sealed class JsonStringDecoder
{
    private char[] _buffer = new char[256];
    private int _used;

    /// <summary>The unescaped text of the current string token.</summary>
    public string GetString<TReader>(ref TReader reader)
        where TReader : IJsonTokenSource, allows ref struct
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        var source = reader.ValueSpan;
        EnsureCapacity(source.Length);
        var written = Decode(source, _buffer);
        _used = Math.Max(_used, written);
        return new string(_buffer, 0, written);
    }

    /// <summary>
    /// The unescaped text of the current string token in the reusable buffer, valid until the next call: no string is
    /// made. Refuses invalid UTF-8 as <see cref="GetString"/> does.
    /// </summary>
    public ReadOnlySpan<char> GetChars<TReader>(ref TReader reader)
        where TReader : IJsonTokenSource, allows ref struct
    {
        var source = reader.ValueSpan;
        EnsureCapacity(source.Length);
        var written = reader.ValueIsAscii ? Encoding.Latin1.GetChars(source, _buffer) : Decode(source, _buffer);
        _used = Math.Max(_used, written);
        return _buffer.AsSpan(0, written);
    }

    /// <summary>The string of a JSON string's raw content (escapes included), already checked by a read.</summary>
    public static string DecodeChecked(ReadOnlySpan<byte> source)
    {
        if (source.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(source);
        }

        var buffer = ArrayPool<char>.Shared.Rent(source.Length);
        var text = buffer.AsSpan(0, Decode(source, buffer));
        var value = new string(text);
        text.Clear();
        ArrayPool<char>.Shared.Return(buffer);
        return value;
    }

    /// <summary>
    /// Writes the UTF-8 of a JSON string's raw content (escapes included, already checked by a read) to
    /// <paramref name="utf8"/>, which needs no more bytes than the content has; returns the bytes written.
    /// </summary>
    public static int UnescapeChecked(ReadOnlySpan<byte> source, Span<byte> utf8)
    {
        var written = 0;
        Span<char> escaped = stackalloc char[2];
        while (true)
        {
            var escape = source.IndexOf((byte)'\\');
            var run = escape < 0 ? source : source[..escape];
            run.CopyTo(utf8[written..]);
            written += run.Length;
            if (escape < 0)
            {
                return written;
            }

            var chars = 0;
            source = source[(escape + 1)..];
            source = source[Unescape(source, escaped, ref chars)..];
            written += Encoding.UTF8.GetBytes(escaped[..chars], utf8[written..]);
        }
    }

    private void EnsureCapacity(int length)
    {
        if (_buffer.Length < length)
        {
            Clear();
            _buffer = new char[Math.Max(length, _buffer.Length * 2)];
        }
    }

    /// <summary>Wipes what the buffer held (values are patient data); called when a parse ends.</summary>
    public void Clear()
    {
        Array.Clear(_buffer, 0, _used);
        _used = 0;
    }

    private static int Decode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        var written = 0;
        while (true)
        {
            var escape = source.IndexOf((byte)'\\');
            var run = escape < 0 ? source : source[..escape];
            if (Utf8.ToUtf16(run, destination[written..], out _, out var chars, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw new InvalidOperationException("The JSON string holds invalid UTF-8.");
            }

            written += chars;
            if (escape < 0)
            {
                return written;
            }

            source = source[(escape + 1)..];
            var consumed = Unescape(source, destination, ref written);
            source = source[consumed..];
        }
    }

    /// <summary>Writes one escape (the bytes after the backslash) and returns how many bytes it took.</summary>
    private static int Unescape(ReadOnlySpan<byte> escape, Span<char> destination, ref int written)
    {
        var simple = escape[0] switch
        {
            (byte)'"' => '"',
            (byte)'\\' => '\\',
            (byte)'/' => '/',
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            _ => '\0',
        };
        if (simple != '\0')
        {
            destination[written++] = simple;
            return 1;
        }

        var unit = Hex(escape[1..5]);
        if (!char.IsSurrogate(unit))
        {
            destination[written++] = unit;
            return 5;
        }

        // A high surrogate must be followed at once by an escaped low surrogate; a low one cannot come first.
        if (char.IsLowSurrogate(unit) || escape.Length < 11 || escape[5] != '\\' || escape[6] != 'u' || !char.IsLowSurrogate(Hex(escape[7..11])))
        {
            throw new InvalidOperationException("The JSON string holds an invalid UTF-16 escape.");
        }

        destination[written++] = unit;
        destination[written++] = Hex(escape[7..11]);
        return 11;
    }

    // The reader has checked that four hexadecimal digits follow \u.
    private static char Hex(ReadOnlySpan<byte> digits) => Utf8Parser.TryParse(digits, out ushort unit, out _, 'x') ? (char)unit : '\0';
}
