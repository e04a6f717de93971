using System.Buffers;
using System.Text;
using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Narrative divs already in the form <see cref="XhtmlDivSerializer"/> writes, taken as they are.</summary>
internal sealed partial class LeanXmlReader
{
    // In text the serializer escapes & < > " and carriage return (the reader drops that of a CRLF pair, checked for
    // every document); in attribute values also tab and line feed.
    private static readonly SearchValues<byte> CanonicalTextStops = SearchValues.Create("<&>\"\r"u8);
    private static readonly SearchValues<byte> CanonicalValueStops = SearchValues.Create("<&>\"\t\n\r"u8);

    private int _canonicalEnd;

    private static ReadOnlySpan<byte> CanonicalDivStart => "<div xmlns=\"http://www.w3.org/1999/xhtml\">"u8;

    /// <summary>
    /// The div element the reader is on as a string, when its bytes are already the string
    /// <see cref="XhtmlDivSerializer"/> would make of it: the start tag <c>&lt;div xmlns="http://www.w3.org/1999/xhtml"&gt;</c>,
    /// tags written as that serializer writes them (one space before each attribute, double quotes, <c>/&gt;</c> right
    /// after the name or last attribute), no references but <c>&amp;amp; &amp;lt; &amp;gt; &amp;quot;</c>, no comments,
    /// no prefixes or other namespace declarations, and nothing the serializer would escape (CRLF line breaks in text
    /// are taken, as the line feeds the reader gives). The content is not checked
    /// here (the caller's narrative check does that); false leaves the reader where it was.
    /// </summary>
    public bool TryGetCanonicalDiv(out string text)
    {
        text = string.Empty;
        var tagStart = _nodeOffset - 1;
        if (_nodeType != XmlNodeType.Element || _isEmpty || !_data.AsSpan(tagStart, _pos - tagStart).SequenceEqual(CanonicalDivStart))
        {
            return false;
        }

        var (at, depth, lineBreaks) = (_pos, 1, false);
        while (depth > 0)
        {
            var stop = _data.AsSpan(at, _end - at).IndexOfAny(CanonicalTextStops);
            if (stop < 0)
            {
                return false;
            }

            at += stop;
            lineBreaks |= _data[at] == '\r';
            at = _data[at] switch
            {
                (byte)'&' => SkipCanonicalReference(at),
                (byte)'<' when at + 1 < _end && _data[at + 1] == '/' => SkipCanonicalEndTag(at, ref depth),
                (byte)'<' => SkipCanonicalStartTag(at, ref depth),
                (byte)'\r' => at + 1,
                _ => -1,
            };
            if (at < 0)
            {
                return false;
            }
        }

        _canonicalEnd = at;
        text = Encoding.UTF8.GetString(_data, tagStart, at - tagStart);
        text = lineBreaks ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
        return true;
    }

    /// <summary>Moves to the end tag of the div that <see cref="TryGetCanonicalDiv"/> took, as reading its content would have.</summary>
    public void SkipCanonicalDiv() => CloseElement(_canonicalEnd - "div>".Length, _canonicalEnd);

    /// <summary>Where the reference at <paramref name="at"/> ends when it is one the serializer writes, or -1.</summary>
    private int SkipCanonicalReference(int at)
    {
        var rest = _data.AsSpan(at + 1, Math.Min(5, _end - at - 1));
        var length = rest.StartsWith("amp;"u8) ? 4 : rest.StartsWith("lt;"u8) || rest.StartsWith("gt;"u8) ? 3 : rest.StartsWith("quot;"u8) ? 5 : -1;
        return length < 0 ? -1 : at + 1 + length;
    }

    private int SkipCanonicalEndTag(int at, ref int depth)
    {
        var end = NameEnd(at + 2);
        if (end < 0 || end >= _end || _data[end] != '>')
        {
            return -1;
        }

        depth--;
        return end + 1;
    }

    private int SkipCanonicalStartTag(int at, ref int depth)
    {
        var p = NameEnd(at + 1);
        while (p >= 0 && p + 1 < _end)
        {
            switch (_data[p])
            {
                case (byte)'>':
                    depth++;
                    return p + 1;
                case (byte)'/':
                    return _data[p + 1] == '>' ? p + 2 : -1;
                case (byte)' ':
                    p = SkipCanonicalAttribute(p + 1);
                    break;
                default:
                    return -1;
            }
        }

        return -1;
    }

    private int SkipCanonicalAttribute(int at)
    {
        var nameEnd = NameEnd(at);
        if (nameEnd < 0 || nameEnd + 2 > _end || _data[nameEnd] != '=' || _data[nameEnd + 1] != '"'
            || _data.AsSpan(at, nameEnd - at).SequenceEqual("xmlns"u8))
        {
            return -1;
        }

        for (var p = nameEnd + 2; p >= 0;)
        {
            var stop = _data.AsSpan(p, _end - p).IndexOfAny(CanonicalValueStops);
            if (stop < 0)
            {
                return -1;
            }

            p += stop;
            switch (_data[p])
            {
                case (byte)'"':
                    return p + 1;
                case (byte)'&':
                    p = SkipCanonicalReference(p);
                    break;
                default:
                    return -1;
            }
        }

        return -1;
    }
}
