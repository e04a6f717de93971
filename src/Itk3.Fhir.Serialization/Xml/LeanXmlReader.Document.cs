using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>The document around the root element: character checks, declaration, comments, and which markup comes next.</summary>
internal sealed partial class LeanXmlReader
{
    // Control characters, which the framework's reader refuses.
    private static readonly SearchValues<byte> RefusedBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    /// <summary>
    /// Valid UTF-8 with no character the framework's reader refuses, and every carriage return followed by a line feed
    /// (the pair is one line break, read as a line feed: the reader drops the carriage return), or a fallback.
    /// </summary>
    private static void CheckCharacters(ReadOnlySpan<byte> input)
    {
        if (input.IndexOfAny(RefusedBytes) >= 0)
        {
            throw Fallback();
        }

        for (var at = input.IndexOf((byte)'\r'); at >= 0; at = NextIndexOf(input, at + 1, "\r"u8))
        {
            if (at + 1 == input.Length || input[at + 1] != '\n')
            {
                throw Fallback();
            }
        }

        var nonAscii = input.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (nonAscii < 0)
        {
            return;
        }

        var rest = input[nonAscii..];
        if (!Utf8.IsValid(rest))
        {
            throw Fallback();
        }

        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
        ReadOnlySpan<byte> lead = [0xEF, 0xBF];
        for (var at = rest.IndexOf(lead); at >= 0 && at + 2 < rest.Length; at = NextIndexOf(rest, at + 1, lead))
        {
            if (rest[at + 2] >= 0xBE)
            {
                throw Fallback();
            }
        }
    }

    private static int NextIndexOf(ReadOnlySpan<byte> span, int from, ReadOnlySpan<byte> value)
    {
        var found = span[from..].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }

    private void ReadProlog()
    {
        if (Input.StartsWith("<?xml"u8) && Input.Length > 5 && WhiteSpace.Contains(Input[5]))
        {
            ReadDeclaration();
        }

        while (true)
        {
            _pos = SkipWhiteSpace(_pos);
            if (At("<!--"u8))
            {
                SkipComment();
            }
            else if (_pos + 1 < _end && _data[_pos] == '<' && IsNameStart(_data[_pos + 1]))
            {
                ReadStartTag();
                return;
            }
            else
            {
                throw Fallback();
            }
        }
    }

    /// <summary>Takes <c>&lt;?xml version="1.0" encoding="UTF-8" standalone="yes"?&gt;</c>, the last two optional.</summary>
    private void ReadDeclaration()
    {
        _pos += 5;
        ReadPseudoAttribute("version"u8, "1.0"u8);
        if (TryPseudoAttribute("encoding"u8))
        {
            ReadPseudoValue("utf-8"u8, default, ignoreCase: true);
        }

        if (TryPseudoAttribute("standalone"u8))
        {
            ReadPseudoValue("yes"u8, "no"u8, ignoreCase: false);
        }

        _pos = SkipWhiteSpace(_pos);
        if (!At("?>"u8))
        {
            throw Fallback();
        }

        _pos += 2;
    }

    private void ReadPseudoAttribute(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (!TryPseudoAttribute(name))
        {
            throw Fallback();
        }

        ReadPseudoValue(value, default, ignoreCase: false);
    }

    private bool TryPseudoAttribute(ReadOnlySpan<byte> name)
    {
        var start = SkipWhiteSpace(_pos);
        if (start == _pos || !_data.AsSpan(start, _end - start).StartsWith(name))
        {
            return false;
        }

        _pos = SkipWhiteSpace(start + name.Length);
        if (!At("="u8))
        {
            throw Fallback();
        }

        _pos = SkipWhiteSpace(_pos + 1);
        return true;
    }

    private void ReadPseudoValue(ReadOnlySpan<byte> value, ReadOnlySpan<byte> other, bool ignoreCase)
    {
        var quote = _pos < _end ? _data[_pos] : (byte)0;
        var end = quote is (byte)'"' or (byte)'\'' ? _data.AsSpan(_pos + 1, _end - _pos - 1).IndexOf(quote) : -1;
        if (end < 0)
        {
            throw Fallback();
        }

        var text = _data.AsSpan(_pos + 1, end);
        var matches = ignoreCase
            ? Ascii.EqualsIgnoreCase(text, value) || (other.Length > 0 && Ascii.EqualsIgnoreCase(text, other))
            : text.SequenceEqual(value) || (other.Length > 0 && text.SequenceEqual(other));
        if (!matches)
        {
            throw Fallback();
        }

        _pos += end + 2;
    }

    private bool ReadEpilog()
    {
        while (true)
        {
            _pos = SkipWhiteSpace(_pos);
            if (_pos >= _end)
            {
                _state = ReadState.EndOfFile;
                (_nodeType, _localName, _namespace, _depth) = (XmlNodeType.None, string.Empty, string.Empty, 0);
                return false;
            }

            if (!At("<!--"u8))
            {
                throw Fallback();
            }

            SkipComment();
        }
    }

    private void SkipComment()
    {
        var body = _pos + 4;
        var dashes = _data.AsSpan(body, _end - body).IndexOf("--"u8);
        if (dashes < 0 || body + dashes + 2 >= _end || _data[body + dashes + 2] != '>')
        {
            throw Fallback();
        }

        _pos = body + dashes + 3;
    }

    private void ReadContent()
    {
        if (_pos + 1 >= _end)
        {
            throw Fallback();
        }

        if (_data[_pos] != '<')
        {
            ReadText();
        }
        else if (_data[_pos + 1] == '/')
        {
            ReadEndTag();
        }
        else if (IsNameStart(_data[_pos + 1]))
        {
            ReadStartTag();
        }
        else
        {
            // Comments, CDATA sections and processing instructions inside the root.
            throw Fallback();
        }
    }

    private int SkipWhiteSpace(int at)
    {
        while (at < _end && _data[at] is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r')
        {
            at++;
        }

        return at;
    }

    private bool At(ReadOnlySpan<byte> markup) => _data.AsSpan(_pos, _end - _pos).StartsWith(markup);
}
