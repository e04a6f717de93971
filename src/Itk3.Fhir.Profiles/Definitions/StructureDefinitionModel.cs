namespace Itk3.Fhir.Profiles.Definitions;

/// <summary>A StructureDefinition as the validator sees it: identity, type, base, and its snapshot and differential elements.</summary>
public sealed record StructureDefinitionModel
{
    /// <summary>The canonical URL.</summary>
    public required string Url { get; init; }

    /// <summary>The name, for messages.</summary>
    public string? Name { get; init; }

    /// <summary>The type constrained (<c>Composition</c>, <c>Extension</c>, <c>Identifier</c>...).</summary>
    public required string Type { get; init; }

    /// <summary>The kind: <c>primitive-type</c>, <c>complex-type</c>, <c>resource</c> or <c>logical</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>True for abstract types.</summary>
    public bool IsAbstract { get; init; }

    /// <summary>The URL of the definition this one constrains or specialises, or null for the roots.</summary>
    public string? BaseDefinition { get; init; }

    /// <summary><c>constraint</c> or <c>specialization</c>.</summary>
    public string? Derivation { get; init; }

    /// <summary>The snapshot elements, empty when the definition has none.</summary>
    public IReadOnlyList<ProfileElement> Snapshot { get; init; } = [];

    /// <summary>The differential elements, empty when the definition has none.</summary>
    public IReadOnlyList<ProfileElement> Differential { get; init; } = [];

    /// <summary>Where the definition was read from, for messages.</summary>
    public string? Source { get; init; }
}
