using System.Runtime.InteropServices;
using System.Xml;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;

namespace Itk3.Fhir.Serialization.Reading;

/// <summary>
/// Checks a narrative <c>div</c> while an <see cref="XmlReader"/> streams it: well-formed (the reader's part), in the
/// XHTML namespace, free of the content FHIR forbids (scripts, forms, frames, embedded objects, event attributes,
/// <c>javascript:</c> links: <c>xhtml-disallowed</c>) and within the STU3 XHTML content model (<see cref="NarrativeModel"/>:
/// known elements where their parent allows them, their attributes, text only in mixed content: <c>xhtml-invalid</c>).
/// </summary>
internal sealed class NarrativeChecker(string location, SourcePosition position, ParseContext context, int rootDepth)
{
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly HashSet<string> DisallowedElements = new(NarrativeRules.DisallowedElements, StringComparer.OrdinalIgnoreCase);

    // The model number of each open element by depth below the div; -1 for an element already reported.
    private readonly List<int> _open = [];

    /// <summary>True while nothing was reported.</summary>
    public bool Valid { get; private set; } = true;

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
        var maxDepth = Math.Max(1, context.Options.MaxDepth - depthUsed);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), settings);
            if (!reader.Read() || reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "div" || reader.NamespaceURI != XhtmlNamespace)
            {
                context.Report(FhirIssues.XhtmlInvalid, location, position, "The narrative must be a div in the XHTML namespace.");
                return false;
            }

            var checker = new NarrativeChecker(location, position, context, reader.Depth);
            do
            {
                if (reader.Depth >= maxDepth)
                {
                    context.Report(FhirIssues.NestingTooDeep, location, position, $"The narrative's elements nest deeper than {context.Options.MaxDepth} levels.");
                    return false;
                }

                checker.CheckNode(reader);
            }
            while (reader.Read());

            return checker.Valid;
        }
        catch (XmlException exception)
        {
            context.Report(FhirIssues.XhtmlInvalid, location, position, $"The narrative is not well-formed XHTML: {exception.Message}");
            return false;
        }
    }

    /// <summary>Checks the element or text node the reader is on (other nodes are ignored); leaves the reader where it was.</summary>
    public void CheckNode(XmlReader reader)
    {
        var depth = reader.Depth - rootDepth;
        if (reader.NodeType == XmlNodeType.Element)
        {
            CheckElement(reader, depth);
        }
        else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && depth > 0 && _open[depth - 1] is var parent and >= 0
            && !NarrativeModel.AllowsText(parent))
        {
            Report(FhirIssues.XhtmlInvalid, $"The narrative has text inside <{NarrativeModel.NameOf(parent)}>, which holds only elements.");
        }
    }

    private void CheckElement(XmlReader reader, int depth)
    {
        var name = reader.LocalName;
        var number = depth == 0 ? NarrativeModel.Div : -1;
        var parent = depth == 0 ? -1 : _open[depth - 1];
        if (depth > 0 && parent < 0)
        {
            // Inside an element already reported: its content is not reported again.
        }
        else if (DisallowedElements.Contains(name))
        {
            Report(FhirIssues.XhtmlDisallowed, $"The narrative contains a <{name}> element.");
        }
        else if (depth > 0 && reader.NamespaceURI != XhtmlNamespace)
        {
            Report(FhirIssues.XhtmlInvalid, $"The narrative contains <{reader.Name}>, which is not in the XHTML namespace.");
        }
        else if (depth > 0 && (number = NarrativeModel.Find(name)) < 0)
        {
            Report(FhirIssues.XhtmlInvalid, $"The narrative contains <{name}>, which the STU3 XHTML schema does not allow.");
        }
        else if (parent >= 0 && !NarrativeModel.AllowsChild(parent, name))
        {
            Report(FhirIssues.XhtmlInvalid, $"The narrative has <{name}> inside <{NarrativeModel.NameOf(parent)}>, which does not allow it.");
        }

        CollectionsMarshal.SetCount(_open, depth + 1);
        _open[depth] = number;
        CheckAttributes(reader, number);
    }

    private void CheckAttributes(XmlReader reader, int element)
    {
        while (reader.MoveToNextAttribute())
        {
            var ns = reader.NamespaceURI;
            if (ns == XmlnsNamespace)
            {
                continue;
            }

            var name = ns == XmlNamespace ? "xml:" + reader.LocalName : reader.Name;
            var isEvent = reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) && reader.Prefix.Length == 0;
            if (isEvent || reader.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                Report(FhirIssues.XhtmlDisallowed, $"The narrative has an active attribute '{reader.LocalName}'.");
            }
            else if (element >= 0 && (ns.Length > 0 && ns != XmlNamespace || !NarrativeModel.AllowsAttribute(element, name)))
            {
                Report(FhirIssues.XhtmlInvalid, $"The narrative has an attribute '{name}' that <{NarrativeModel.NameOf(element)}> does not allow.");
            }
        }

        reader.MoveToElement();
    }

    private void Report(IssueDefinition definition, string message)
    {
        context.Report(definition, location, position, message);
        Valid = false;
    }
}
