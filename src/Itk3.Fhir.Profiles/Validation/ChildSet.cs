using System.Collections.Concurrent;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>The child element definitions of an element, with which ones each wire name belongs to, cached per name.</summary>
internal sealed class ChildSet
{
    private readonly ConcurrentDictionary<string, int[]> _indexes = new(StringComparer.Ordinal);

    /// <summary>Creates a set over definitions (not copied: filled before the first look-up).</summary>
    public ChildSet(IReadOnlyList<CompiledElement> elements) => Elements = elements;

    /// <summary>No children.</summary>
    public static ChildSet Empty { get; } = new([]);

    /// <summary>The definitions, in definition order.</summary>
    public IReadOnlyList<CompiledElement> Elements { get; }

    /// <summary>
    /// The indexes of the definitions a wire name belongs to (a typed name for a choice), in definition order; usually
    /// one, none for an unknown name, several when a snapshot holds both <c>value[x]</c> and a typed <c>valueQuantity</c>.
    /// </summary>
    public int[] IndexesOf(string wireName)
    {
        if (_indexes.TryGetValue(wireName, out var indexes))
        {
            return indexes;
        }

        var found = new List<int>(1);
        for (var i = 0; i < Elements.Count; i++)
        {
            if (Elements[i].MatchesName(wireName))
            {
                found.Add(i);
            }
        }

        return _indexes.GetOrAdd(wireName, [.. found]);
    }
}
