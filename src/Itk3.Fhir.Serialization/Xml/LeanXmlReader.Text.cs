using System.Text;
using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Text, references and the decoding of values.</summary>
internal sealed partial class LeanXmlReader
{
    private void ReadText()
    {
        if (!TryReadIndentation())
        {
            ReadMixedText();
        }
    }

    /// <summary>
    /// Reads white space up to the next tag, the text between the tags of pretty-printed XML, in one pass that also
    /// counts its line breaks; false, having read nothing, when the text has anything else.
    /// </summary>
    private bool TryReadIndentation()
    {
        var (start, at, lines, lineStart) = (_pos, _pos, 0, -1);
        while (at < _end)
        {
            switch (_data[at])
            {
                case (byte)'\n':
                    (lines, lineStart) = (lines + 1, at + 1);
                    var indent = _data.AsSpan(at + 1, _end - at - 1).IndexOfAnyExcept((byte)' ');
                    at += indent < 0 ? 0 : indent;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r':
                    break;
                case (byte)'<':
                    SetText(XmlNodeType.Whitespace, start, at, _data.AsSpan(start, at - start).Contains((byte)'\r'));
                    if (lines > 0 && _lineScanned <= start)
                    {
                        (_line, _lineStart, _lineScanned) = (LineAt(start, out _) + lines, lineStart, at);
                    }

                    return true;
                default:
                    return false;
            }

            at++;
        }

        return false;
    }

    private void SetText(XmlNodeType type, int start, int end, bool needsDecoding)
    {
        (_nodeType, _nodeOffset, _depth, _isEmpty) = (type, start, _openCount, false);
        (_localName, _namespace, _attributeCount) = (string.Empty, string.Empty, 0);
        (_valueStart, _valueEnd, _valueHasReferences) = (start, end, needsDecoding);
        _pos = end;
    }

    private void ReadMixedText()
    {
        var start = _pos;
        var length = _data.AsSpan(start, _end - start).IndexOf((byte)'<');
        if (length < 0)
        {
            throw Fallback();
        }

        var text = _data.AsSpan(start, length);
        if (text.IndexOf("]]>"u8) >= 0)
        {
            throw Fallback();
        }

        var firstReference = text.IndexOf((byte)'&');
        if (firstReference >= 0)
        {
            CheckReferences(start, text, firstReference);
        }

        var isWhiteSpace = firstReference < 0 && text.IndexOfAnyExcept(WhiteSpace) < 0;
        SetText(isWhiteSpace ? XmlNodeType.Whitespace : XmlNodeType.Text, start, start + length, firstReference >= 0 || text.Contains((byte)'\r'));
    }

    /// <summary>Checks every reference in a text; text of white space and references alone is left to the framework's reader.</summary>
    private void CheckReferences(int start, ReadOnlySpan<byte> text, int firstReference)
    {
        var onlyWhiteSpace = text[..firstReference].IndexOfAnyExcept(WhiteSpace) < 0;
        for (var at = firstReference; at >= 0;)
        {
            var length = ReferenceLength(start + at + 1, out var codePoint);
            onlyWhiteSpace &= codePoint is ' ' or '\t' or '\n' or '\r';
            var after = at + 1 + length;
            var next = text[after..].IndexOf((byte)'&');
            var plain = next < 0 ? text[after..] : text.Slice(after, next);
            onlyWhiteSpace &= plain.IndexOfAnyExcept(WhiteSpace) < 0;
            at = next < 0 ? -1 : after + next;
        }

        if (onlyWhiteSpace)
        {
            throw Fallback();
        }
    }

    /// <summary>
    /// The length, up to and including its semicolon, of the reference whose name starts at <paramref name="start"/>
    /// (after the ampersand); the five predefined entities and character references to XML characters only.
    /// </summary>
    private int ReferenceLength(int start, out int codePoint)
    {
        var window = _data.AsSpan(start, Math.Min(12, _end - start));
        var semicolon = window.IndexOf((byte)';');
        if (semicolon <= 0 || !TryResolve(window[..semicolon], out codePoint))
        {
            throw Fallback();
        }

        return semicolon + 1;
    }

    private static bool TryResolve(ReadOnlySpan<byte> name, out int codePoint)
    {
        codePoint = name switch
        {
            [(byte)'a', (byte)'m', (byte)'p'] => '&',
            [(byte)'l', (byte)'t'] => '<',
            [(byte)'g', (byte)'t'] => '>',
            [(byte)'q', (byte)'u', (byte)'o', (byte)'t'] => '"',
            [(byte)'a', (byte)'p', (byte)'o', (byte)'s'] => '\'',
            [(byte)'#', (byte)'x', .. var hex] => ParseNumber(hex, 16),
            [(byte)'#', .. var digits] => ParseNumber(digits, 10),
            _ => -1,
        };
        return codePoint is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }

    private static int ParseNumber(ReadOnlySpan<byte> digits, int radix)
    {
        if (digits.IsEmpty || digits.Length > 8)
        {
            return -1;
        }

        var value = 0;
        foreach (var digit in digits)
        {
            var d = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' when radix == 16 => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' when radix == 16 => digit - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return -1;
            }

            value = (value * radix) + d;
        }

        return value;
    }

    /// <summary>
    /// The value in <c>[start, end)</c>: references resolved, the carriage return of each line break dropped and, in
    /// attributes (<paramref name="normalise"/>), tab and line feed made spaces.
    /// </summary>
    private string Decode(int start, int end, bool needsDecoding, bool normalise)
    {
        var bytes = _data.AsSpan(start, end - start);
        if (!needsDecoding)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        if (_decoded.Length < bytes.Length)
        {
            _decoded = new char[Math.Max(bytes.Length, _decoded.Length * 2)];
        }

        var written = 0;
        while (true)
        {
            var stop = normalise ? bytes.IndexOfAny("&\t\n\r"u8) : bytes.IndexOfAny("&\r"u8);
            written += Encoding.UTF8.GetChars(stop < 0 ? bytes : bytes[..stop], _decoded.AsSpan(written));
            if (stop < 0)
            {
                return new string(_decoded, 0, written);
            }

            if (bytes[stop] != '&')
            {
                if (bytes[stop] != '\r')
                {
                    _decoded[written++] = ' ';
                }

                bytes = bytes[(stop + 1)..];
                continue;
            }

            var semicolon = bytes[stop..].IndexOf((byte)';') + stop;
            TryResolve(bytes[(stop + 1)..semicolon], out var codePoint);
            written += new Rune(codePoint).EncodeToUtf16(_decoded.AsSpan(written));
            bytes = bytes[(semicolon + 1)..];
        }
    }
}
