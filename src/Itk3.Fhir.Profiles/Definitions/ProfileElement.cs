using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Definitions;

/// <summary>
/// One element of a StructureDefinition snapshot or differential (the parts the validator uses): id, path, slice name,
/// cardinality, types, fixed and pattern values, binding, invariants and slicing.
/// </summary>
public sealed record ProfileElement
{
    private readonly string _path = "";

    /// <summary>The element id, e.g. <c>Composition.section:careSettingType.code</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The element path, e.g. <c>Composition.section.code</c>.</summary>
    public required string Path
    {
        get => _path;
        init
        {
            _path = value;
            Name = value[(value.LastIndexOf('.') + 1)..];
            IsChoice = value.EndsWith("[x]", StringComparison.Ordinal);
        }
    }

    /// <summary>The slice name when this element defines a slice.</summary>
    public string? SliceName { get; init; }

    /// <summary>The minimum cardinality, or null when not stated (differentials).</summary>
    public int? Min { get; init; }

    /// <summary>The maximum cardinality (<c>-1</c> for <c>*</c>), or null when not stated.</summary>
    public int? Max { get; init; }

    /// <summary>The allowed types; empty when not stated.</summary>
    public IReadOnlyList<TypeRef> Types { get; init; } = [];

    /// <summary>The fixed value (a node named <c>fixedCode</c>, <c>fixedUri</c>...), or null.</summary>
    public ElementNode? Fixed { get; init; }

    /// <summary>The pattern value (a node named <c>patternCodeableConcept</c>...), or null.</summary>
    public ElementNode? Pattern { get; init; }

    /// <summary>The terminology binding, or null.</summary>
    public Binding? Binding { get; init; }

    /// <summary>The invariants this element carries.</summary>
    public IReadOnlyList<Constraint> Constraints { get; init; } = [];

    /// <summary>The slicing when the element is sliced, or null.</summary>
    public Slicing? Slicing { get; init; }

    /// <summary>A content reference (<c>#Questionnaire.item</c>) standing for the referenced element's children, or null.</summary>
    public string? ContentReference { get; init; }

    /// <summary>The last path segment, e.g. <c>value[x]</c> or <c>code</c> (derived from <see cref="Path"/> once).</summary>
    public string Name { get; private init; } = "";

    /// <summary>True for a choice element (<c>value[x]</c>).</summary>
    public bool IsChoice { get; private init; }
}
