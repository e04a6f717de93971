using System.Text;
using System.Xml.Linq;

namespace Itk3.SchemaGen;

/// <summary>
/// Reads the lexical rules of the STU3 primitives from <c>fhir-single.xsd</c>: for each <c>NAME-primitive</c> simple type,
/// its XSD base type(s), length facets and pattern, written as <c>lexical NAME BASES MINLENGTH MAXLENGTH [PATTERN]</c>.
/// </summary>
internal static class XsdPrimitiveRules
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    public static void Write(StringBuilder text, string xsdPath)
    {
        text.Append("# lexical lines: lexical NAME XSDBASE[|XSDBASE...] MINLENGTH|- MAXLENGTH|- [PATTERN] (from fhir-single.xsd)\n");
        var document = XDocument.Load(xsdPath);
        var rules = document.Root!.Elements(Xs + "simpleType")
            .Where(type => ((string?)type.Attribute("name"))?.EndsWith("-primitive", StringComparison.Ordinal) == true)
            .OrderBy(type => (string)type.Attribute("name")!, StringComparer.Ordinal);
        foreach (var type in rules)
        {
            var name = ((string)type.Attribute("name")!)[..^"-primitive".Length];
            var restriction = type.Element(Xs + "restriction") ?? throw new InvalidOperationException($"{name}: no restriction.");
            var bases = (string?)restriction.Attribute("base")
                ?? (string?)restriction.Descendants(Xs + "union").Single().Attribute("memberTypes")
                ?? throw new InvalidOperationException($"{name}: no base type.");
            var patterns = restriction.Elements(Xs + "pattern").Select(pattern => (string)pattern.Attribute("value")!).ToList();
            if (patterns.Count > 1)
            {
                throw new InvalidOperationException($"{name}: more than one pattern.");
            }

            text.Append("lexical ").Append(name)
                .Append(' ').Append(string.Join('|', bases.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                .Append(' ').Append(Facet(restriction, "minLength"))
                .Append(' ').Append(Facet(restriction, "maxLength"));
            if (patterns.Count == 1)
            {
                text.Append(' ').Append(patterns[0]);
            }

            text.Append('\n');
        }
    }

    private static string Facet(XElement restriction, string facet) =>
        (string?)restriction.Element(Xs + facet)?.Attribute("value") ?? "-";
}
