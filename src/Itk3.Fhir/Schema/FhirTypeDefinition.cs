namespace Itk3.Fhir.Schema;

/// <summary>A FHIR type: its kind, its elements in definition order, and for primitives the JSON representation.</summary>
public sealed class FhirTypeDefinition
{
    private readonly Dictionary<string, ElementMatch> _byWireName = new(StringComparer.Ordinal);

    /// <summary>Creates a type definition; choice elements are indexed under every typed wire name.</summary>
    public FhirTypeDefinition(string name, FhirTypeKind kind, bool isAbstract, PrimitiveJsonKind jsonKind, IReadOnlyList<FhirElementDefinition> elements)
    {
        Name = name;
        Kind = kind;
        IsAbstract = isAbstract;
        JsonKind = jsonKind;
        Elements = elements;
        foreach (var element in elements)
        {
            foreach (var typeName in element.TypeNames)
            {
                _byWireName.TryAdd(element.WireName(typeName), new ElementMatch(element, typeName));
            }
        }
    }

    /// <summary>The type name (<c>Patient</c>, <c>Coding</c>, <c>string</c>, <c>Bundle.entry</c>).</summary>
    public string Name { get; }

    /// <summary>Primitive, complex, resource or backbone.</summary>
    public FhirTypeKind Kind { get; }

    /// <summary>True for abstract types that never appear on the wire (Resource, DomainResource, Element...).</summary>
    public bool IsAbstract { get; }

    /// <summary>For primitives, how the value is written in JSON.</summary>
    public PrimitiveJsonKind JsonKind { get; }

    /// <summary>The elements in definition order, inherited ones included.</summary>
    public IReadOnlyList<FhirElementDefinition> Elements { get; }

    /// <summary>True for primitive types.</summary>
    public bool IsPrimitive => Kind == FhirTypeKind.Primitive;

    /// <summary>True for resource types.</summary>
    public bool IsResource => Kind == FhirTypeKind.Resource;

    /// <summary>Resolves a wire name (e.g. <c>valueQuantity</c>) to its element and concrete type.</summary>
    public bool TryFindElement(string wireName, out ElementMatch match) => _byWireName.TryGetValue(wireName, out match);

    /// <inheritdoc />
    public override string ToString() => Name;
}
