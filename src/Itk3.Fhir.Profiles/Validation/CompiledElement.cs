using System.Collections.Concurrent;
using Itk3.Fhir.Profiles.Definitions;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>
/// One element of a compiled profile: its definition, its child elements, its slices and its parsed invariants, with
/// what the walk asks of it on every instance (which child a wire name belongs to, type profiles, reference targets,
/// discriminator targets) computed once and cached.
/// </summary>
internal sealed class CompiledElement
{
    private readonly ConcurrentDictionary<string, CompiledElement?> _discriminatorTargets = new(StringComparer.Ordinal);
    private ChildSet? _childSet;
    private ChildSet? _childSetWithoutValue;

    /// <summary>Creates a compiled element.</summary>
    public CompiledElement(ProfileElement definition, IReadOnlyList<CompiledInvariant> invariants)
    {
        Definition = definition;
        Invariants = invariants;
        BaseName = definition.IsChoice ? definition.Name[..^3] : definition.Name;
        IsExtension = BaseName is "extension" or "modifierExtension";
        ReferenceTargets = [.. definition.Types.Where(t => t.Code == "Reference" && t.TargetProfile is not null).Select(t => t.TargetProfile!)];
        HasTypeProfiles = definition.Types.Any(t => t.Profile is not null);
    }

    /// <summary>The element definition.</summary>
    public ProfileElement Definition { get; }

    /// <summary>The name without <c>[x]</c>.</summary>
    public string BaseName { get; }

    /// <summary>True for <c>extension</c> and <c>modifierExtension</c>.</summary>
    public bool IsExtension { get; }

    /// <summary>The target profiles of the Reference type, in order.</summary>
    public IReadOnlyList<string> ReferenceTargets { get; }

    /// <summary>True when some allowed type names a profile.</summary>
    public bool HasTypeProfiles { get; }

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

    /// <summary>The children as a set with a cached name look-up.</summary>
    public ChildSet ChildSet => _childSet ??= new ChildSet(Children);

    /// <summary>For a primitive type's root: the children without <c>value</c> (a primitive's value is the node's own value, not a child).</summary>
    public ChildSet ChildSetWithoutValue => _childSetWithoutValue ??= new ChildSet([.. Children.Where(c => c.BaseName != "value")]);

    /// <summary>Whether <paramref name="type"/> is one of the allowed types.</summary>
    public bool AllowsType(string type)
    {
        foreach (var t in Definition.Types)
        {
            if (t.Code == type)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The profiles the allowed type <paramref name="type"/> must meet (usually none).</summary>
    public List<string>? TypeProfiles(string? type)
    {
        if (!HasTypeProfiles || type is null)
        {
            return null;
        }

        List<string>? profiles = null;
        foreach (var t in Definition.Types)
        {
            if (t.Code == type && t.Profile is not null)
            {
                (profiles ??= []).Add(t.Profile);
            }
        }

        return profiles;
    }

    /// <summary>The definition a slicing discriminator path names inside this slice, resolved once.</summary>
    public CompiledElement? DiscriminatorTarget(ProfileValidator validator, string path) =>
        _discriminatorTargets.TryGetValue(path, out var target)
            ? target
            : _discriminatorTargets.GetOrAdd(path, SliceDefinitionResolver.Find(validator, this, path));

    /// <summary>The type of an instance element named <paramref name="wireName"/>: the choice suffix, or the single declared type.</summary>
    public string? ConcreteType(string wireName)
    {
        var types = Definition.Types;
        if (Definition.IsChoice)
        {
            var suffix = wireName.AsSpan(BaseName.Length);
            foreach (var t in types)
            {
                if (suffix.Equals(t.Code, StringComparison.OrdinalIgnoreCase))
                {
                    return t.Code;
                }
            }

            return char.ToLowerInvariant(suffix[0]) + suffix[1..].ToString();
        }

        return types.Count > 0 ? types[0].Code : null;
    }
}
