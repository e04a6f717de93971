using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Checks that a narrative string can be written raw into FHIR XML: one well-formed XHTML div and nothing else.</summary>
internal static class XhtmlDivValidator
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        ConformanceLevel = ConformanceLevel.Document,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="location"/> when the string is not a single XHTML div.</summary>
    public static void Validate(string xhtml, string location)
    {
        var problem = FindProblem(xhtml);
        if (problem is not null)
        {
            throw new ArgumentException($"{location}: the narrative cannot be written as XML: {problem}", nameof(xhtml));
        }
    }

    private static string? FindProblem(string xhtml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), Settings);
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
