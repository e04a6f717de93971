using System.Text;
using System.Xml;

namespace Itk3.Testing;

/// <summary>
/// What a narrative div means by XML rules, as .NET's own <see cref="XmlReader"/> reads it (independent of the FHIR
/// readers): elements with their namespaces, attributes sorted by name with their normalised values, and text with
/// line ends normalised (adjacent text, CDATA and whitespace joined; comments dropped). Two divs mean the same when
/// their descriptions are equal.
/// </summary>
public static class XhtmlMeaning
{
    /// <summary>A description of the div's XML infoset.</summary>
    public static string Describe(string div)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true };
        using var reader = XmlReader.Create(new StringReader(div), settings);
        var description = new StringBuilder();
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
                continue;
            }

            Flush(description, text);
            if (reader.NodeType == XmlNodeType.Element)
            {
                description.Append('<').Append('{').Append(reader.NamespaceURI).Append('}').Append(reader.LocalName);
                var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                    {
                        attributes[$"{{{reader.NamespaceURI}}}{reader.LocalName}"] = reader.Value;
                    }
                }

                reader.MoveToElement();
                foreach (var (name, value) in attributes)
                {
                    description.Append(' ').Append(name).Append('=').Append(Escape(value));
                }

                // <br/> and <br></br> are the same element.
                description.Append(reader.IsEmptyElement ? "></>" : ">");
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                description.Append("</>");
            }
        }

        Flush(description, text);
        return description.ToString();
    }

    private static void Flush(StringBuilder description, StringBuilder text)
    {
        if (text.Length > 0)
        {
            description.Append("text(").Append(Escape(text.ToString())).Append(')');
            text.Clear();
        }
    }

    private static string Escape(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
