using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Checks that a narrative string can be written raw into FHIR XML: one well-formed XHTML div and nothing else.
/// Uses an element-fragment <see cref="XmlTextReader"/>, which reads the string in place (about a fifth of the
/// allocations of <see cref="XmlReader.Create(TextReader)"/>), with DTDs prohibited.
/// </summary>
internal sealed class XhtmlDivValidator
{
    private readonly XmlParserContext _context = new(new NameTable(), null, null, XmlSpace.None);

    /// <summary>Throws <see cref="ArgumentException"/> naming the current location of <paramref name="path"/> when the string is not a single XHTML div.</summary>
    public void Validate(string xhtml, LocationStack path)
    {
        var problem = FindProblem(xhtml);
        if (problem is not null)
        {
            throw new ArgumentException($"{path.Current()}: the narrative cannot be written as XML: {problem}", nameof(xhtml));
        }
    }

    private string? FindProblem(string xhtml)
    {
        try
        {
            using var reader = new XmlTextReader(xhtml, XmlNodeType.Element, _context) { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            if (!reader.Read() || reader.NodeType != XmlNodeType.Element)
            {
                return "it does not start with an element.";
            }

            if (reader.LocalName != "div" || reader.NamespaceURI != FhirXmlNames.XhtmlNamespace)
            {
                return "the root is not a div in the XHTML namespace.";
            }

            reader.Skip();
            while (reader.NodeType == XmlNodeType.Whitespace && reader.Read())
            {
            }

            return reader.EOF ? null : "there is content after the div.";
        }
        catch (XmlException exception)
        {
            return exception.Message;
        }
    }
}
