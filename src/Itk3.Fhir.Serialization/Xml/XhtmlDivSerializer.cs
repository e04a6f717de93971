using System.Text;
using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Turns the narrative <c>div</c> under an <see cref="XmlReader"/> into the canonical string FHIR JSON carries:
/// XHTML elements unprefixed with <c>xmlns="http://www.w3.org/1999/xhtml"</c> declared on the div, other namespaces
/// kept with the declarations they need, markup characters escaped, character references resolved, comments dropped.
/// Escaping and empty elements follow the official STU3 JSON (<c>&lt;br/&gt;</c>, <c>&amp;quot;</c> and <c>&amp;gt;</c>
/// escaped in text); whitespace characters stay raw, in text and in attribute values, as JSON carries them (the writer
/// turns them back into character references where XML would otherwise change them).
/// </summary>
internal sealed class XhtmlDivSerializer
{
    private readonly StringBuilder _text = new();
    private readonly List<Binding> _scope = [];
    private readonly List<string> _open = [];

    /// <summary>
    /// Serializes the element the reader is on and leaves the reader on its last node; calls <paramref name="checkElement"/>
    /// on every element before its attributes are read.
    /// </summary>
    public string Read(XmlReader reader, Action checkElement)
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
                XmlNodeType.Element => WriteElement(reader, rootDepth, checkElement),
                XmlNodeType.EndElement => WriteEndElement(reader, rootDepth),
                XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace => WriteText(reader.Value),
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

    private bool WriteElement(XmlReader reader, int rootDepth, Action checkElement)
    {
        checkElement();
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
        Escape(reader.Value);
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

    private bool WriteText(string value)
    {
        Escape(value);
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
        Escape(ns);
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

    private void Escape(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            _ = c switch
            {
                '&' => _text.Append("&amp;"),
                '<' => _text.Append("&lt;"),
                '>' => _text.Append("&gt;"),
                '"' => _text.Append("&quot;"),
                _ => _text.Append(c),
            };
        }
    }

    private readonly record struct Binding(int Depth, string Prefix, string Namespace);
}
