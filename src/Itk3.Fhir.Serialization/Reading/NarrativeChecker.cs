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

    private static readonly HashSet<string> DisallowedElements = new(NarrativeRules.DisallowedElements, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reports problems with the div, reading it with an <see cref="XmlReader"/>; true when it is acceptable. Callers
    /// try <see cref="FastXhtmlChecker"/> first, which accepts the common subset without allocating.
    /// </summary>
    /// <param name="xhtml">The div as text.</param>
    /// <param name="location">Where the div is.</param>
    /// <param name="position">The div's position in the input.</param>
    /// <param name="context">The parse, whose <see cref="ParseOptions.MaxDepth"/> also bounds the div's nesting.</param>
    /// <param name="depthUsed">How deep the div itself sits in the resource, so the limit counts the whole path as in XML.</param>
    public static bool Check(string xhtml, string location, SourcePosition position, ParseContext context, int depthUsed = 0)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), settings);
            return CheckElements(reader, location, position, context, Math.Max(1, context.Options.MaxDepth - depthUsed));
        }
        catch (XmlException exception)
        {
            context.Report(FhirIssues.XhtmlInvalid, location, position, $"The narrative is not well-formed XHTML: {exception.Message}");
            return false;
        }
    }

    private static bool CheckElements(XmlReader reader, string location, SourcePosition position, ParseContext context, int maxDepth)
    {
        var isRoot = true;
        var valid = true;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth >= maxDepth)
            {
                context.Report(FhirIssues.NestingTooDeep, location, position, $"The narrative's elements nest deeper than {context.Options.MaxDepth} levels.");
                return false;
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
