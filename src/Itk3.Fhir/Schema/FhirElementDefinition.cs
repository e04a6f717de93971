namespace Itk3.Fhir.Schema;

/// <summary>
/// One element of a type: its name (<c>value</c> for <c>value[x]</c>), cardinality, possible types, XML representation
/// and position in the definition order.
/// </summary>
public sealed class FhirElementDefinition
{
    /// <summary>Creates an element definition.</summary>
    public FhirElementDefinition(
        string name,
        int order,
        int min,
        bool isArray,
        bool isChoice,
        IReadOnlyList<string> typeNames,
        ElementRepresentation representation,
        string? requiredValueSet = null,
        IReadOnlySet<string>? requiredCodes = null)
    {
        RequiredValueSet = requiredValueSet;
        RequiredCodes = requiredCodes;
        Name = name;
        Order = order;
        Min = min;
        IsArray = isArray;
        IsChoice = isChoice;
        TypeNames = typeNames;
        Representation = representation;
    }

    /// <summary>The element name without the <c>[x]</c> suffix.</summary>
    public string Name { get; }

    /// <summary>Zero-based position in the definition order of the owning type.</summary>
    public int Order { get; }

    /// <summary>The minimum cardinality.</summary>
    public int Min { get; }

    /// <summary>True when the maximum cardinality is above one (a JSON array).</summary>
    public bool IsArray { get; }

    /// <summary>True for a choice element (<c>value[x]</c>), whose wire name carries the type.</summary>
    public bool IsChoice { get; }

    /// <summary>The allowed type names: datatypes, <c>Resource</c>, or backbone type names such as <c>Bundle.entry</c>.</summary>
    public IReadOnlyList<string> TypeNames { get; }

    /// <summary>How the element appears in XML.</summary>
    public ElementRepresentation Representation { get; }

    /// <summary>The URL of the value set a required binding draws this code element's values from, or null.</summary>
    public string? RequiredValueSet { get; }

    /// <summary>The codes a required binding allows (from the official value set), or null when unbound or not enumerable.</summary>
    public IReadOnlySet<string>? RequiredCodes { get; }

    /// <summary>True when the element holds a resource (e.g. <c>Bundle.entry.resource</c>, <c>contained</c>).</summary>
    public bool HoldsResource => !IsChoice && TypeNames[0] == "Resource";

    /// <summary>The wire name of this element for one of its types: <c>valueString</c> for a choice, the name otherwise.</summary>
    public string WireName(string typeName) =>
        IsChoice ? string.Concat(Name, char.ToUpperInvariant(typeName[0]).ToString(), typeName.AsSpan(1)) : Name;
}
