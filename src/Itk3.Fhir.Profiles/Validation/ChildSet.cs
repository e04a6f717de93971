using System.Collections.Concurrent;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>The child element definitions of an element, with which one each wire name belongs to, cached per name.</summary>
internal sealed class ChildSet
{
    private readonly ConcurrentDictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Creates a set over definitions (not copied: filled before the first look-up).</summary>
    public ChildSet(IReadOnlyList<CompiledElement> elements) => Elements = elements;

    /// <summary>No children.</summary>
    public static ChildSet Empty { get; } = new([]);

    /// <summary>The definitions, in definition order.</summary>
    public IReadOnlyList<CompiledElement> Elements { get; }

    /// <summary>The index of the first definition a wire name belongs to (a typed name for a choice), or -1.</summary>
    public int IndexOf(string wireName)
    {
        if (_index.TryGetValue(wireName, out var index))
        {
            return index;
        }

        index = -1;
        for (var i = 0; i < Elements.Count && index < 0; i++)
        {
            index = Elements[i].MatchesName(wireName) ? i : -1;
        }

        return _index.GetOrAdd(wireName, index);
    }
}
