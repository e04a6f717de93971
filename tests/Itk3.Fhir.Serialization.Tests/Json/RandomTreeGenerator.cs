using System.Globalization;
using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Builds random but valid element trees from the schema with a seeded generator: children in definition order,
/// one type per choice, arrays only where the definition repeats, lexically valid primitives, primitive ids and
/// extensions, held resources. The same seed always builds the same tree.
/// </summary>
internal sealed class RandomTreeGenerator
{
    private const int MaxDepth = 7;
    private static readonly string[] StringPieces = ["a", "Z", "0", " ", "é", "€", "😀", "<", ">", "&", "'", "\"", "\\", "/", "\n", "\t", "\u2028", "</div>"];

    private static readonly string[] Decimals = ["1.10", "6.0", "1000.0", "-0.5", "0", "0.00000025", "12345678901234567890.123", "-0.000120", "100"];
    private readonly Random _random;
    private readonly IFhirSchema _schema;
    private readonly FhirTypeDefinition[] _resourceTypes;

    public RandomTreeGenerator(IFhirSchema schema, int seed)
    {
        _schema = schema;
        _random = new Random(seed);
        _resourceTypes = schema.Types.Where(type => type.IsResource && !type.IsAbstract).OrderBy(type => type.Name, StringComparer.Ordinal).ToArray();
    }

    public ElementNode Resource(string? name = null, int depth = 0)
    {
        var type = _resourceTypes[_random.Next(_resourceTypes.Length)];
        return new ElementNode(name ?? type.Name, null, Members(type, depth), type.Name);
    }

    private List<ElementNode> Members(FhirTypeDefinition type, int depth)
    {
        var children = new List<ElementNode>();
        var chance = depth == 0 ? 0.5 : 0.6 / depth;
        foreach (var element in type.Elements)
        {
            var required = type.Name == "Extension" && element.Name == "url";
            if (!required && _random.NextDouble() > chance)
            {
                continue;
            }

            var typeName = element.TypeNames[_random.Next(element.TypeNames.Count)];
            var count = element.IsArray ? 1 + _random.Next(3) : 1;
            for (var i = 0; i < count; i++)
            {
                var child = Element(element, typeName, depth);
                if (child is not null)
                {
                    children.Add(child);
                }
            }
        }

        if (children.Count == 0)
        {
            var id = type.Elements.First(element => element.Name == "id");
            children.Add(new ElementNode("id", PrimitiveValue(id.TypeNames[0])));
        }

        return children;
    }

    private ElementNode? Element(FhirElementDefinition element, string typeName, int depth)
    {
        var wireName = element.WireName(typeName);
        if (element.HoldsResource)
        {
            return depth < 3 ? Resource(wireName, depth + 1) : null;
        }

        var type = _schema.FindType(typeName)!;
        if (type.IsPrimitive)
        {
            return Primitive(wireName, type, element, depth);
        }

        return depth >= MaxDepth ? null : new ElementNode(wireName, null, Members(type, depth + 1));
    }

    private ElementNode Primitive(string wireName, FhirTypeDefinition type, FhirElementDefinition element, int depth)
    {
        var canHaveMeta = element.Representation == ElementRepresentation.Element && type.Name != "xhtml" && depth < MaxDepth;
        if (!canHaveMeta || _random.NextDouble() < 0.8)
        {
            return new ElementNode(wireName, PrimitiveValue(type.Name, element));
        }

        var meta = new List<ElementNode>();
        if (_random.Next(2) == 0)
        {
            meta.Add(new ElementNode("id", Token(8)));
        }

        var extensionType = _schema.FindType("Extension")!;
        if (meta.Count == 0 || _random.Next(2) == 0)
        {
            meta.Add(new ElementNode("extension", null, Members(extensionType, depth + 2)));
        }

        var value = _random.Next(3) == 0 ? null : PrimitiveValue(type.Name, element);
        return new ElementNode(wireName, value, meta);
    }

    // A code under a required binding is drawn from its value set (in the set's order, so a seed gives the same tree).
    private string PrimitiveValue(string typeName, FhirElementDefinition element) => element.RequiredCodes is { Count: > 0 } codes
        ? codes.Order(StringComparer.Ordinal).ElementAt(_random.Next(codes.Count))
        : PrimitiveValue(typeName);

    private string PrimitiveValue(string typeName) => typeName switch
    {
        "boolean" => _random.Next(2) == 0 ? "true" : "false",
        "integer" => _random.Next(-100000, 100000).ToString(CultureInfo.InvariantCulture),
        "unsignedInt" => _random.Next(0, 100000).ToString(CultureInfo.InvariantCulture),
        "positiveInt" => _random.Next(1, 100000).ToString(CultureInfo.InvariantCulture),
        "decimal" => Decimals[_random.Next(Decimals.Length)],
        "date" => new[] { "2020", "2020-02", "2020-02-29" }[_random.Next(3)],
        "dateTime" => new[] { "2021", "2021-12-31", "2020-02-29T23:59:59.5+14:00", "1999-01-01T00:00:00Z" }[_random.Next(4)],
        "instant" => "2026-11-21T06:30:00.123+00:00",
        "time" => "23:05:59",
        "id" => Token(1 + _random.Next(20)),
        "oid" => "urn:oid:1.2.826.0.1285." + _random.Next(1000).ToString(CultureInfo.InvariantCulture),
        "uuid" => "urn:uuid:" + new Guid(Bytes(16)).ToString("D"),
        "uri" => "https://example.org/" + Token(6) + "?q=é&x=<1>",
        "code" => Token(3) + (_random.Next(2) == 0 ? " " + Token(2) : string.Empty),
        "base64Binary" => Convert.ToBase64String(Bytes(1 + _random.Next(40))),
        "xhtml" => "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + Token(5) + " &amp; &lt;é&gt; <b>'x'</b></p></div>",
        _ => Text(),
    };

    private string Text()
    {
        var builder = new StringBuilder(Token(1));
        var pieces = _random.Next(8);
        for (var i = 0; i < pieces; i++)
        {
            builder.Append(StringPieces[_random.Next(StringPieces.Length)]);
        }

        return builder.Append(Token(1)).ToString();
    }

    private string Token(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(i == 0 ? 62 : alphabet.Length)];
        }

        return new string(chars);
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
