using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Tests.Support;

/// <summary>
/// Builds random, valid element trees from the schema (seeded): every required element, a random choice of optional
/// ones, ids and extensions on primitives, contained resources and narratives, all in canonical order.
/// </summary>
public sealed class RandomTreeGenerator(IFhirSchema schema, Random random, int maxDepth = 4)
{
    private static readonly string[] Texts = ["plain", "a & b < c > d \"q\" 'a'", " lead and trail ", "tab\there", "line\nbreak\r\nend", "é ü € 😀", "]]>"];

    private static readonly string[] Divs =
    [
        "<div xmlns=\"http://www.w3.org/1999/xhtml\">text</div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a &lt; b &amp; c &gt; d &quot;q&quot; it's</p><br/></div>",
        // Divs as a reader gives them: whitespace XML would normalise is a character reference (docs/fhir.md).
        "<div xmlns=\"http://www.w3.org/1999/xhtml\">&#13;\n<p>&#13;\nlines&#13;\n</p>&#13;\n</div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\">\n  <table><tr><td title=\"x&quot;y&#10;z&#9;tab\">caf\u00E9\u00A0x</td></tr></table>\n</div>",
    ];

    private readonly FhirTypeDefinition[] _resources = schema.Types.Where(type => type.IsResource && !type.IsAbstract).ToArray();

    /// <summary>A random resource as a root node.</summary>
    public ElementNode Resource()
    {
        var type = _resources[random.Next(_resources.Length)];
        return new ElementNode(type.Name, children: Children(type, 0), resourceType: type.Name);
    }

    private ElementNode[] Children(FhirTypeDefinition type, int depth)
    {
        var children = new List<ElementNode>();
        foreach (var element in type.Elements)
        {
            if (!ShouldInclude(element, type, depth))
            {
                continue;
            }

            var count = element.IsArray ? 1 + random.Next(2) : 1;
            var typeName = element.TypeNames[random.Next(element.TypeNames.Count)];
            for (var i = 0; i < count; i++)
            {
                if (Element(element, typeName, depth) is { } node)
                {
                    children.Add(node);
                }
            }
        }

        return [.. children];
    }

    private bool ShouldInclude(FhirElementDefinition element, FhirTypeDefinition owner, int depth)
    {
        if (element.Min > 0)
        {
            return true;
        }

        if (element.Representation == ElementRepresentation.XmlAttribute)
        {
            return random.NextDouble() < 0.1;
        }

        if (owner.IsPrimitive || depth >= maxDepth && !IsPrimitiveElement(element))
        {
            return false;
        }

        return random.NextDouble() < (depth == 0 ? 0.4 : 0.2);
    }

    private bool IsPrimitiveElement(FhirElementDefinition element) =>
        !element.HoldsResource && element.TypeNames.All(name => schema.FindType(name) is { IsPrimitive: true });

    private ElementNode? Element(FhirElementDefinition element, string typeName, int depth)
    {
        var name = element.WireName(typeName);
        if (element.HoldsResource)
        {
            var resourceType = _resources[random.Next(_resources.Length)];
            return new ElementNode(name, children: Children(resourceType, depth + 1), resourceType: resourceType.Name);
        }

        if (element.Representation == ElementRepresentation.Xhtml)
        {
            return new ElementNode(name, Divs[random.Next(Divs.Length)]);
        }

        var type = schema.FindType(typeName)!;
        if (type.IsPrimitive)
        {
            return Primitive(name, type, depth, element);
        }

        var children = Children(type, depth + 1);
        if (children.Length == 0)
        {
            return type.TryFindElement("extension", out _) ? new ElementNode(name, children: [Extension(depth + 1)]) : null;
        }

        return new ElementNode(name, children: children);
    }

    private ElementNode Primitive(string name, FhirTypeDefinition type, int depth, FhirElementDefinition element)
    {
        var isAttribute = element.Representation == ElementRepresentation.XmlAttribute;

        // SampledData.data is the one string the XSD restricts with its own pattern; a code under a required binding
        // comes from its value set.
        var value = name == "data" && type.Name == "string" ? "1 2.5 E U L"
            : element.RequiredCodes is { Count: > 0 } codes ? Pick([.. codes.Order(StringComparer.Ordinal)])
            : Value(type.Name);
        if (isAttribute || random.NextDouble() > 0.15)
        {
            return new ElementNode(name, value);
        }

        var children = new List<ElementNode>();
        if (random.NextDouble() < 0.5)
        {
            children.Add(new ElementNode("id", "e" + random.Next(100)));
        }

        children.Add(Extension(depth + 1));
        return new ElementNode(name, random.NextDouble() < 0.8 ? value : null, children);
    }

    private ElementNode Extension(int depth)
    {
        var url = new ElementNode("url", "http://example.org/fhir/ext/" + random.Next(10));
        if (depth < maxDepth + 2 && random.NextDouble() < 0.2)
        {
            return new ElementNode("extension", children: [Extension(depth + 1), url]);
        }

        return new ElementNode("extension", children: [url, new ElementNode("valueString", Pick(Texts))]);
    }

    private string Value(string typeName) => typeName switch
    {
        "boolean" => random.Next(2) == 0 ? "true" : "false",
        "integer" => (random.Next(2001) - 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "unsignedInt" => random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "positiveInt" => (1 + random.Next(1000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "decimal" => Pick(["1.50", "-0.001", "42", "0", "3.14159265358979323846"]),
        "date" => Pick(["2020", "2020-02", "2020-02-29"]),
        "dateTime" => Pick(["2020", "2021-12", "2020-02-29", "2020-02-29T10:11:12+01:00", "2021-12-01T00:00:00Z", "2021-12-01T00:00:00.125-05:00"]),
        "instant" => Pick(["2020-02-29T10:11:12.123Z", "2021-12-01T00:00:00+00:00"]),
        "time" => Pick(["10:11:12", "23:59:59.5"]),
        "code" => Pick(["abc", "a-b c", "A1"]),
        "id" => Pick(["a-1.B", "x", "0123456789"]),
        "oid" => "urn:oid:1.2.3." + random.Next(100),
        "uuid" => "urn:uuid:c757873d-ec9a-4326-a141-556f43239520",
        "uri" => Pick(["http://example.org/x?y=1&z=2", "urn:uuid:c757873d-ec9a-4326-a141-556f43239520", "#ref"]),
        "base64Binary" => Pick(["AAEC", "SGVsbG8=", "SGk="]),
        _ => Pick(Texts),
    };

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
