using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Markup: prolog, tags, attributes, text and references.</summary>
internal sealed partial class LeanXmlReader
{
    // Control characters, which the framework's reader refuses.
    private static readonly SearchValues<byte> RefusedBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    private static readonly SearchValues<byte> DoubleQuotedStops = SearchValues.Create("\"<&\t\n\r"u8);
    private static readonly SearchValues<byte> SingleQuotedStops = SearchValues.Create("'<&\t\n\r"u8);
    private static readonly SearchValues<byte> WhiteSpace = SearchValues.Create(" \t\n\r"u8);

    // Per byte: 2 = may start a name (ASCII letter, underscore), 1 = may follow in one (digit, hyphen, full stop), 0 = neither.
    private static ReadOnlySpan<byte> NameBytes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 2,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    private static ReadOnlySpan<byte> FhirNamespaceBytes => "http://hl7.org/fhir"u8;

    private static ReadOnlySpan<byte> XhtmlNamespaceBytes => "http://www.w3.org/1999/xhtml"u8;

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

    private void ReadStartTag()
    {
        var nameStart = _pos + 1;
        var nameEnd = ScanName(nameStart);
        (_nodeType, _nodeOffset, _depth) = (XmlNodeType.Element, nameStart, _openCount);
        _localName = Atomize(nameStart, nameEnd);
        var ns = CurrentDefaultNamespace();
        _attributeCount = 0;
        var at = nameEnd;
        while (true)
        {
            var next = SkipWhiteSpace(at);
            if (next >= _end)
            {
                throw Fallback();
            }

            if (_data[next] == '>')
            {
                (_pos, _isEmpty) = (next + 1, false);
                break;
            }

            if (_data[next] == '/' && next + 1 < _end && _data[next + 1] == '>')
            {
                (_pos, _isEmpty) = (next + 2, true);
                break;
            }

            if (next == at)
            {
                // Attributes are separated by white space.
                throw Fallback();
            }

            at = ReadAttribute(next, ref ns);
        }

        _namespace = ns;
        if (_isEmpty)
        {
            _rootClosed = _openCount == 0;
        }
        else
        {
            Push(nameStart, nameEnd - nameStart, ns);
        }
    }

    /// <summary>Reads one attribute from its name at <paramref name="start"/>; returns where it ends.</summary>
    private int ReadAttribute(int start, ref string ns)
    {
        var nameEnd = ScanName(start);
        var name = _data.AsSpan(start, nameEnd - start);
        for (var i = 0; i < _attributeCount; i++)
        {
            if (name.SequenceEqual(_data.AsSpan(_attributes[i].NameStart, _attributes[i].NameLength)))
            {
                throw Fallback();
            }
        }

        var at = SkipWhiteSpace(nameEnd);
        if (at >= _end || _data[at] != '=')
        {
            throw Fallback();
        }

        at = SkipWhiteSpace(at + 1);
        var (valueStart, valueEnd, needsDecoding) = ScanAttributeValue(at);
        var isDeclaration = name.SequenceEqual("xmlns"u8);
        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributeCount * 2);
        }

        _attributes[_attributeCount++] = new Attribute
        {
            LocalName = isDeclaration ? _xmlns : Atomize(start, nameEnd),
            Namespace = isDeclaration ? _xmlnsNs : string.Empty,
            NameStart = start,
            NameLength = nameEnd - start,
            ValueStart = valueStart,
            ValueEnd = valueEnd,
            HasReferences = needsDecoding,
            Offset = start,
        };
        if (isDeclaration)
        {
            ns = DeclaredNamespace(valueStart, valueEnd, needsDecoding);
        }

        return valueEnd + 1;
    }

    private (int Start, int End, bool NeedsDecoding) ScanAttributeValue(int at)
    {
        var quote = at < _end ? _data[at] : (byte)0;
        if (quote is not ((byte)'"' or (byte)'\''))
        {
            throw Fallback();
        }

        var stops = quote == '"' ? DoubleQuotedStops : SingleQuotedStops;
        var start = at + 1;
        var needsDecoding = false;
        for (var i = start; ;)
        {
            var found = _data.AsSpan(i, _end - i).IndexOfAny(stops);
            if (found < 0)
            {
                throw Fallback();
            }

            i += found;
            switch (_data[i])
            {
                case var b when b == quote:
                    return (start, i, needsDecoding);
                case (byte)'&':
                    i += 1 + ReferenceLength(i + 1, out _);
                    break;
                case (byte)'<':
                    throw Fallback();
                default:
                    // Tab, line feed and the carriage return of a line break: normalised by Decode.
                    i++;
                    break;
            }

            needsDecoding = true;
        }
    }

    private string DeclaredNamespace(int start, int end, bool needsDecoding)
    {
        var bytes = _data.AsSpan(start, end - start);
        if (!needsDecoding && bytes.SequenceEqual(FhirNamespaceBytes))
        {
            return _names.Add(FhirXmlNames.FhirNamespace);
        }

        if (!needsDecoding && bytes.SequenceEqual(XhtmlNamespaceBytes))
        {
            return _names.Add(FhirXmlNames.XhtmlNamespace);
        }

        var ns = Decode(start, end, needsDecoding, normalise: true);
        if (ns is FhirXmlNames.XmlnsNamespace or "http://www.w3.org/XML/1998/namespace")
        {
            throw Fallback();
        }

        return _names.Add(ns);
    }

    private void ReadEndTag()
    {
        var nameStart = _pos + 2;
        var nameEnd = ScanName(nameStart);
        var open = _openCount - 1;
        if (!_data.AsSpan(nameStart, nameEnd - nameStart).SequenceEqual(_data.AsSpan(_openStart[open], _openLength[open])))
        {
            throw Fallback();
        }

        var close = SkipWhiteSpace(nameEnd);
        if (close >= _end || _data[close] != '>')
        {
            throw Fallback();
        }

        (_nodeType, _nodeOffset, _depth, _isEmpty) = (XmlNodeType.EndElement, nameStart, open, false);
        _localName = _openName[open];
        _namespace = _openNamespace[open];
        _attributeCount = 0;
        _openCount = open;
        _rootClosed = open == 0;
        _pos = close + 1;
    }

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
        var isWhiteSpace = firstReference < 0
            ? text.IndexOfAnyExcept(WhiteSpace) < 0
            : CheckReferences(start, text, firstReference);
        SetText(isWhiteSpace ? XmlNodeType.Whitespace : XmlNodeType.Text, start, start + length, firstReference >= 0 || text.Contains((byte)'\r'));
    }

    /// <summary>Checks every reference in a text; text of white space and references alone is left to the framework's reader.</summary>
    private bool CheckReferences(int start, ReadOnlySpan<byte> text, int firstReference)
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

        return false;
    }

    private void Push(int nameStart, int nameLength, string ns)
    {
        if (_openCount == _openStart.Length)
        {
            Array.Resize(ref _openStart, _openCount * 2);
            Array.Resize(ref _openLength, _openCount * 2);
            Array.Resize(ref _openName, _openCount * 2);
            Array.Resize(ref _openNamespace, _openCount * 2);
        }

        _openStart[_openCount] = nameStart;
        _openLength[_openCount] = nameLength;
        _openName[_openCount] = _localName;
        _openNamespace[_openCount] = ns;
        _openCount++;
    }

    /// <summary>The end of an ASCII name without a prefix starting at <paramref name="start"/>, or a fallback.</summary>
    private int ScanName(int start)
    {
        var end = NameEnd(start);
        return end >= 0 ? end : throw Fallback();
    }

    /// <summary>The end of an ASCII name without a prefix starting at <paramref name="start"/>, or -1.</summary>
    private int NameEnd(int start)
    {
        if (start >= _end || !IsNameStart(_data[start]))
        {
            return -1;
        }

        var end = start + 1;
        while (end < _end && NameBytes[_data[end]] != 0)
        {
            end++;
        }

        return end < _end && (_data[end] == ':' || _data[end] >= 0x80) ? -1 : end;
    }

    private static bool IsNameStart(byte value) => NameBytes[value] == 2;

    private string Atomize(int start, int end)
    {
        var bytes = _data.AsSpan(start, end - start);
        var index = _atoms.Find(bytes, out var hash);
        if (index >= 0)
        {
            return _atoms.KeyAt(index);
        }

        var name = _names.Add(Encoding.ASCII.GetString(bytes));
        _atoms.Add(bytes, name, true, hash);
        return name;
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
