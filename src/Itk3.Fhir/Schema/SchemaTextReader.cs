using System.Collections.Frozen;
using System.Globalization;

namespace Itk3.Fhir.Schema;

/// <summary>
/// Reads the compact schema text: a <c>fhirVersion</c> line, then one header line per type
/// (<c>primitive name jsonKind</c>, <c>complex|resource name [abstract]</c>, <c>backbone name</c>) followed by
/// indented element lines (<c>name min max type|type [attr|xhtml] [vs=url]</c>), then <c>valueset url code...</c>,
/// <c>lexical name bases minLength maxLength [pattern]</c> and <c>xhtml name mixed|elements attrs children</c> lines.
/// Lines starting with <c>#</c> are comments.
/// </summary>
public static class SchemaTextReader
{
    /// <summary>Parses schema text; throws <see cref="FormatException"/> naming the line when it is malformed.</summary>
    public static FhirSchema Read(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        var state = new ReadState(ReadValueSets(lines));
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            try
            {
                state.ReadLine(line);
            }
            catch (Exception exception) when (exception is IndexOutOfRangeException or FormatException or ArgumentException)
            {
                throw new FormatException($"Schema line {index + 1} is malformed: '{line}'.", exception);
            }
        }

        state.Flush();
        return new FhirSchema(state.Version, state.Types, state.LexicalRules, state.NarrativeElements);
    }

    private static Dictionary<string, FrozenSet<string>> ReadValueSets(List<string> lines) =>
        lines.Where(line => line.StartsWith("valueset ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(fields => fields[1], fields => fields.Skip(2).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private sealed record TypeHeader(string Name, FhirTypeKind Kind, bool IsAbstract, PrimitiveJsonKind JsonKind);

    /// <summary>The types, rules and the type being read.</summary>
    private sealed class ReadState(Dictionary<string, FrozenSet<string>> valueSets)
    {
        private TypeHeader? _current;
        private List<FhirElementDefinition> _elements = [];

        public string Version { get; private set; } = "";

        public List<FhirTypeDefinition> Types { get; } = [];

        public List<PrimitiveLexicalRule> LexicalRules { get; } = [];

        public List<NarrativeElementRule> NarrativeElements { get; } = [];

        public void ReadLine(string line)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line[0] == ' ')
            {
                _elements.Add(ReadElement(fields, _elements.Count, valueSets));
                return;
            }

            Flush();
            switch (fields[0])
            {
                case "fhirVersion":
                    Version = fields[1];
                    break;
                case "valueset":
                    break;
                case "lexical":
                    LexicalRules.Add(ReadLexical(line));
                    break;
                case "xhtml":
                    NarrativeElements.Add(ReadNarrative(fields));
                    break;
                default:
                    _current = ReadHeader(fields);
                    break;
            }
        }

        public void Flush()
        {
            if (_current is not null)
            {
                Types.Add(new FhirTypeDefinition(_current.Name, _current.Kind, _current.IsAbstract, _current.JsonKind, _elements));
            }

            _current = null;
            _elements = [];
        }
    }

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

    private static FhirElementDefinition ReadElement(string[] fields, int order, Dictionary<string, FrozenSet<string>> valueSets)
    {
        var name = fields[0];
        var isChoice = name.EndsWith("[x]", StringComparison.Ordinal);
        if (isChoice)
        {
            name = name[..^3];
        }

        var min = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var isArray = fields[2] != "1" && fields[2] != "0";
        var representation = ElementRepresentation.Element;
        string? valueSet = null;
        foreach (var field in fields.AsSpan(4))
        {
            if (field.StartsWith("vs=", StringComparison.Ordinal))
            {
                valueSet = field[3..];
                continue;
            }

            representation = field switch
            {
                "attr" => ElementRepresentation.XmlAttribute,
                "xhtml" => ElementRepresentation.Xhtml,
                _ => throw new FormatException($"Unknown representation '{field}'."),
            };
        }

        var codes = valueSet is null ? null : valueSets.GetValueOrDefault(valueSet) ?? throw new FormatException($"Value set '{valueSet}' has no valueset line.");
        return new FhirElementDefinition(name, order, min, isArray, isChoice, fields[3].Split('|'), representation, valueSet, codes);
    }

    /// <summary><c>lexical NAME BASES MIN MAX [PATTERN]</c>; the pattern is the rest of the line.</summary>
    private static PrimitiveLexicalRule ReadLexical(string line)
    {
        var fields = line.Split(' ', 6);
        return new PrimitiveLexicalRule(fields[1], fields[2].Split('|'), Length(fields[3]), Length(fields[4]), fields.Length > 5 ? fields[5] : null);
    }

    private static int? Length(string field) => field == "-" ? null : int.Parse(field, CultureInfo.InvariantCulture);

    private static NarrativeElementRule ReadNarrative(string[] fields) =>
        new(fields[1], fields[2] == "mixed", Names(fields[3]), Names(fields[4]));

    private static FrozenSet<string> Names(string field) =>
        (field == "-" ? [] : field.Split(',')).ToFrozenSet(StringComparer.Ordinal);
}
