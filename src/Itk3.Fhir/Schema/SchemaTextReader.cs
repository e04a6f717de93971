using System.Globalization;

namespace Itk3.Fhir.Schema;

/// <summary>
/// Reads the compact schema text: a <c>fhirVersion</c> line, then one header line per type
/// (<c>primitive name jsonKind</c>, <c>complex|resource name [abstract]</c>, <c>backbone name</c>) followed by
/// indented element lines (<c>name min max type|type [attr|xhtml]</c>). Lines starting with <c>#</c> are comments.
/// </summary>
public static class SchemaTextReader
{
    /// <summary>Parses schema text; throws <see cref="FormatException"/> naming the line when it is malformed.</summary>
    public static FhirSchema Read(TextReader reader)
    {
        var version = "";
        var types = new List<FhirTypeDefinition>();
        TypeHeader? current = null;
        var elements = new List<FhirElementDefinition>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            try
            {
                if (line[0] == ' ')
                {
                    elements.Add(ReadElement(fields, elements.Count));
                    continue;
                }

                Flush(current, elements, types);
                elements = [];
                if (fields[0] == "fhirVersion")
                {
                    version = fields[1];
                    current = null;
                }
                else
                {
                    current = ReadHeader(fields);
                }
            }
            catch (Exception exception) when (exception is IndexOutOfRangeException or FormatException or ArgumentException)
            {
                throw new FormatException($"Schema line {lineNumber} is malformed: '{line}'.", exception);
            }
        }

        Flush(current, elements, types);
        return new FhirSchema(version, types);
    }

    private sealed record TypeHeader(string Name, FhirTypeKind Kind, bool IsAbstract, PrimitiveJsonKind JsonKind);

    private static TypeHeader ReadHeader(string[] fields)
    {
        var isAbstract = fields.Length > 2 && fields[2] == "abstract";
        return fields[0] switch
        {
            "primitive" => new TypeHeader(fields[1], FhirTypeKind.Primitive, false, Enum.Parse<PrimitiveJsonKind>(fields[2], ignoreCase: true)),
            "complex" => new TypeHeader(fields[1], FhirTypeKind.Complex, isAbstract, PrimitiveJsonKind.String),
            "resource" => new TypeHeader(fields[1], FhirTypeKind.Resource, isAbstract, PrimitiveJsonKind.String),
            "backbone" => new TypeHeader(fields[1], FhirTypeKind.Backbone, false, PrimitiveJsonKind.String),
            _ => throw new FormatException($"Unknown type kind '{fields[0]}'."),
        };
    }

    private static FhirElementDefinition ReadElement(string[] fields, int order)
    {
        var name = fields[0];
        var isChoice = name.EndsWith("[x]", StringComparison.Ordinal);
        if (isChoice)
        {
            name = name[..^3];
        }

        var min = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var isArray = fields[2] != "1" && fields[2] != "0";
        var representation = fields.Length > 4
            ? fields[4] switch
            {
                "attr" => ElementRepresentation.XmlAttribute,
                "xhtml" => ElementRepresentation.Xhtml,
                _ => throw new FormatException($"Unknown representation '{fields[4]}'."),
            }
            : ElementRepresentation.Element;
        return new FhirElementDefinition(name, order, min, isArray, isChoice, fields[3].Split('|'), representation);
    }

    private static void Flush(TypeHeader? header, List<FhirElementDefinition> elements, List<FhirTypeDefinition> types)
    {
        if (header is not null)
        {
            types.Add(new FhirTypeDefinition(header.Name, header.Kind, header.IsAbstract, header.JsonKind, elements));
        }
    }
}
