using System.Buffers;
using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Turns the narrative <c>div</c> under an <see cref="XmlReader"/> into the canonical string FHIR JSON carries:
/// XHTML elements unprefixed with <c>xmlns="http://www.w3.org/1999/xhtml"</c> declared on the div, other namespaces
/// kept with the declarations they need, markup characters escaped, character references resolved, comments dropped.
/// Escaping and empty elements follow the official STU3 JSON (<c>&lt;br/&gt;</c>, <c>&amp;quot;</c> and <c>&amp;gt;</c>
/// escaped in text). The string is XHTML text, read by XML rules wherever it goes, so a character that an XML parser
/// would normalise is written as a character reference: tab, line feed and carriage return in attribute values
/// (attribute-value normalisation would make them spaces) and carriage return in text (end-of-line handling would
/// make it a line feed). Other whitespace stays raw. See docs/fhir.md, "Narrative whitespace".
/// </summary>
internal sealed class XhtmlDivSerializer
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\"\r");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"\r\n\t");
    private const int MaxKeptCharacters = 1 << 20;

    private readonly CharBuilder _text = new();
    private readonly char[] _chunk = new char[4096];
    private readonly List<Binding> _scope = [];
    private readonly List<string> _open = [];

    /// <summary>False when the last div was too large for the buffers to be kept for another parse.</summary>
    public bool Keepable => _text.Capacity <= MaxKeptCharacters;

    /// <summary>Zeroes the buffers that held narrative text, for a serializer kept between parses.</summary>
    public void Wipe()
    {
        _text.Wipe();
        Array.Clear(_chunk);
        _scope.Clear();
        _open.Clear();
    }

    /// <summary>
    /// Serializes the element the reader is on and leaves the reader on its last node; calls <paramref name="checkNode"/>
    /// on every element before its attributes are read and on every text node before it is read.
    /// </summary>
    public string Read(XmlReader reader, Action checkNode)
    {
        _text.Clear();
        _scope.Clear();
        _open.Clear();
        _scope.Add(new Binding(0, string.Empty, string.Empty));
        var rootDepth = reader.Depth;
        do
        {
            var done = reader.NodeType switch
            {
                XmlNodeType.Element => WriteElement(reader, rootDepth, checkNode),
                XmlNodeType.EndElement => WriteEndElement(reader, rootDepth),
                XmlNodeType.Text or XmlNodeType.CDATA => CheckAndWriteText(reader, checkNode),
                XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace => WriteText(reader),
                _ => false,
            };
            if (done)
            {
                break;
            }
        }
        while (reader.Read());

        return _text.ToString();
    }

    private bool WriteElement(XmlReader reader, int rootDepth, Action checkNode)
    {
        checkNode();
        var depth = reader.Depth - rootDepth + 1;
        var isXhtml = reader.NamespaceURI == FhirXmlNames.XhtmlNamespace;
        var prefix = isXhtml ? string.Empty : reader.Prefix;
        var name = prefix.Length == 0 ? reader.LocalName : string.Concat(prefix, ":", reader.LocalName);
        _text.Append('<').Append(name);
        Declare(prefix, reader.NamespaceURI, depth);
        var isEmpty = reader.IsEmptyElement;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                WriteAttribute(reader, depth);
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        if (isEmpty)
        {
            _text.Append("/>");
            Unwind(depth);
            return depth == 1;
        }

        _text.Append('>');
        _open.Add(name);
        return false;
    }

    private void WriteAttribute(XmlReader reader, int depth)
    {
        if (reader.NamespaceURI == FhirXmlNames.XmlnsNamespace)
        {
            return;
        }

        var prefix = reader.Prefix;
        if (prefix.Length > 0 && prefix != "xml")
        {
            Declare(prefix, reader.NamespaceURI, depth);
        }

        _text.Append(' ');
        if (prefix.Length > 0)
        {
            _text.Append(prefix).Append(':');
        }

        _text.Append(reader.LocalName).Append("=\"");
        Escape(reader.Value, AttributeSpecials);
        _text.Append('"');
    }

    private bool WriteEndElement(XmlReader reader, int rootDepth)
    {
        var depth = reader.Depth - rootDepth + 1;
        _text.Append("</").Append(_open[^1]).Append('>');
        _open.RemoveAt(_open.Count - 1);
        Unwind(depth);
        return depth == 1;
    }

    /// <summary>Copies a text node in chunks when the reader can, so that no string is made of it.</summary>
    private bool CheckAndWriteText(XmlReader reader, Action checkNode)
    {
        checkNode();
        return WriteText(reader);
    }

    private bool WriteText(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            Escape(reader.Value, TextSpecials);
            return false;
        }

        int read;
        while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            Escape(_chunk.AsSpan(0, read), TextSpecials);
        }

        return false;
    }

    private void Declare(string prefix, string ns, int depth)
    {
        if (Lookup(prefix) == ns)
        {
            return;
        }

        _scope.Add(new Binding(depth, prefix, ns));
        _text.Append(prefix.Length == 0 ? " xmlns" : " xmlns:").Append(prefix).Append("=\"");
        Escape(ns, AttributeSpecials);
        _text.Append('"');
    }

    private string? Lookup(string prefix)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Prefix == prefix)
            {
                return _scope[i].Namespace;
            }
        }

        return null;
    }

    private void Unwind(int depth)
    {
        while (_scope.Count > 1 && _scope[^1].Depth >= depth)
        {
            _scope.RemoveAt(_scope.Count - 1);
        }
    }

    private void Escape(ReadOnlySpan<char> value, SearchValues<char> specials)
    {
        int index;
        while ((index = value.IndexOfAny(specials)) >= 0)
        {
            _text.Append(value[..index]).Append(value[index] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\t' => "&#9;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                _ => "&quot;",
            });
            value = value[(index + 1)..];
        }

        _text.Append(value);
    }

    private readonly record struct Binding(int Depth, string Prefix, string Namespace);
}
