using Itk3.Fhir.Profiles.Definitions;
using Itk3.Fhir.Profiles.FhirPath;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>One element of a compiled profile: its definition, its child elements, its slices and its parsed invariants.</summary>
internal sealed class CompiledElement
{
    /// <summary>Creates a compiled element.</summary>
    public CompiledElement(ProfileElement definition, IReadOnlyList<CompiledInvariant> invariants)
    {
        Definition = definition;
        Invariants = invariants;
        BaseName = definition.IsChoice ? definition.Name[..^3] : definition.Name;
    }

    /// <summary>The element definition.</summary>
    public ProfileElement Definition { get; }

    /// <summary>The name without <c>[x]</c>.</summary>
    public string BaseName { get; }

    /// <summary>The invariants, parsed once.</summary>
    public IReadOnlyList<CompiledInvariant> Invariants { get; }

    /// <summary>The child elements (not slices), in definition order.</summary>
    public List<CompiledElement> Children { get; } = [];

    /// <summary>The slices of this element, when it is sliced.</summary>
    public List<CompiledElement> Slices { get; } = [];

    /// <summary>True when the definition allows more than one occurrence.</summary>
    public bool Repeats => Definition.Max is not (0 or 1);

    /// <summary>Whether a wire name belongs to this element (a typed name for a choice).</summary>
    public bool MatchesName(string wireName) => Definition.IsChoice
        ? ChoiceNames.IsTypedName(wireName, BaseName)
        : wireName == BaseName;

    /// <summary>The type of an instance element named <paramref name="wireName"/>: the choice suffix, or the single declared type.</summary>
    public string? ConcreteType(string wireName)
    {
        var types = Definition.Types;
        if (Definition.IsChoice)
        {
            var suffix = wireName[BaseName.Length..];
            return types.FirstOrDefault(t => string.Equals(t.Code, suffix, StringComparison.OrdinalIgnoreCase))?.Code
                ?? char.ToLowerInvariant(suffix[0]) + suffix[1..];
        }

        return types.Count > 0 ? types[0].Code : null;
    }
}
