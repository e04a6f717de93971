using System.Buffers;
using System.Text;
using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Start and end tags, attributes, namespace declarations and names.</summary>
internal sealed partial class LeanXmlReader
{
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

        CloseElement(nameStart, close + 1);
    }

    /// <summary>Makes the end tag whose name starts at <paramref name="nameStart"/> the current node, closing the innermost open element; reading goes on at <paramref name="end"/>.</summary>
    private void CloseElement(int nameStart, int end)
    {
        var open = _openCount - 1;
        (_nodeType, _nodeOffset, _depth, _isEmpty) = (XmlNodeType.EndElement, nameStart, open, false);
        (_localName, _namespace, _attributeCount, _attributeIndex, _value) = (_openName[open], _openNamespace[open], 0, -1, null);
        (_openCount, _rootClosed, _pos) = (open, open == 0, end);
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
}
