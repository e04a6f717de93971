using System.Xml;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;

namespace Itk3.Fhir.Serialization.Reading;

/// <summary>
/// Checks a narrative <c>div</c> (as XHTML text) is well-formed, in the XHTML namespace, and free of the content FHIR
/// forbids: scripts, forms, frames, embedded objects, event attributes and <c>javascript:</c> links. DTDs are never processed.
/// </summary>
internal static class NarrativeChecker
{
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly HashSet<string> DisallowedElements =
        new(StringComparer.OrdinalIgnoreCase) { "script", "form", "input", "button", "select", "textarea", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "meta", "style" };

    /// <summary>Reports problems with the div; true when it is acceptable.</summary>
    public static bool Check(string xhtml, string location, SourcePosition position, ParseContext context)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), settings);
            return CheckElements(reader, location, position, context);
        }
        catch (XmlException exception)
        {
            context.Report(FhirIssues.XhtmlInvalid, location, position, $"The narrative is not well-formed XHTML: {exception.Message}");
            return false;
        }
    }

    private static bool CheckElements(XmlReader reader, string location, SourcePosition position, ParseContext context)
    {
        var isRoot = true;
        var valid = true;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (isRoot && (reader.LocalName != "div" || reader.NamespaceURI != XhtmlNamespace))
            {
                context.Report(FhirIssues.XhtmlInvalid, location, position, "The narrative must be a div in the XHTML namespace.");
                return false;
            }

            isRoot = false;
            valid &= CheckElement(reader, location, position, context);
        }

        return valid;
    }

    /// <summary>Reports disallowed content on the element the reader is on (used while streaming a div); leaves the reader on the element.</summary>
    internal static bool CheckElement(XmlReader reader, string location, SourcePosition position, ParseContext context)
    {
        var valid = true;
        if (DisallowedElements.Contains(reader.LocalName))
        {
            context.Report(FhirIssues.XhtmlDisallowed, location, position, $"The narrative contains a <{reader.LocalName}> element.");
            valid = false;
        }

        while (reader.MoveToNextAttribute())
        {
            var name = reader.LocalName;
            var isEvent = name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && reader.Prefix.Length == 0;
            var isScriptLink = reader.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);
            if (isEvent || isScriptLink)
            {
                context.Report(FhirIssues.XhtmlDisallowed, location, position, $"The narrative has an active attribute '{name}'.");
                valid = false;
            }
        }

        reader.MoveToElement();
        return valid;
    }
}
