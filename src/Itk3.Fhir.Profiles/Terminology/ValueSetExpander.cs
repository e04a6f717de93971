using System.Collections.Concurrent;

namespace Itk3.Fhir.Profiles.Terminology;

/// <summary>
/// Expands value sets from the loaded ValueSets and CodeSystems: whole systems, listed concepts, <c>is-a</c> /
/// <c>descendent-of</c> filters on loaded hierarchies, imports and excludes. Anything else leaves its system open
/// (not checked). Expansions are cached.
/// </summary>
public sealed class ValueSetExpander
{
    private const int MaxImportDepth = 10;
    private readonly IReadOnlyDictionary<string, ValueSetModel> _valueSets;
    private readonly IReadOnlyDictionary<string, CodeSystemModel> _codeSystems;
    private readonly ConcurrentDictionary<string, ValueSetExpansion?> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates an expander over loaded value sets and code systems, by URL.</summary>
    public ValueSetExpander(IReadOnlyDictionary<string, ValueSetModel> valueSets, IReadOnlyDictionary<string, CodeSystemModel> codeSystems)
    {
        _valueSets = valueSets;
        _codeSystems = codeSystems;
    }

    /// <summary>The expansion of a value set (a version suffix <c>|x</c> is ignored), or null when the value set is not loaded.</summary>
    public ValueSetExpansion? Expand(string url) => _cache.GetOrAdd(StripVersion(url), key => Build(key, 0));

    private static string StripVersion(string url) => CanonicalUrl.WithoutVersion(url);

    private ValueSetExpansion? Build(string url, int depth)
    {
        if (!_valueSets.TryGetValue(url, out var valueSet) || depth > MaxImportDepth)
        {
            return null;
        }

        if (valueSet.Expansion is { Count: > 0 } stated)
        {
            return new ValueSetExpansion(stated.Where(c => c.System is not null).Select(c => (c.System!, c.Code)), [], null);
        }

        var codes = new HashSet<(string, string)>();
        var open = new HashSet<string>(StringComparer.Ordinal);
        var reasons = new List<string>();
        foreach (var include in valueSet.Includes)
        {
            codes.UnionWith(ExpandSet(include, open, reasons, depth));
        }

        foreach (var exclude in valueSet.Excludes)
        {
            var ignoredOpen = new HashSet<string>(StringComparer.Ordinal);
            codes.ExceptWith(ExpandSet(exclude, ignoredOpen, [], depth));
            if (ignoredOpen.Count > 0)
            {
                // A code excluded by something we cannot enumerate may still be listed: membership is then unknown.
                open.UnionWith(ignoredOpen);
                reasons.Add("an exclude could not be expanded");
            }
        }

        return new ValueSetExpansion(codes, open, reasons.Count == 0 ? null : string.Join("; ", reasons.Distinct()));
    }

    private IEnumerable<(string, string)> ExpandSet(ConceptSet set, HashSet<string> open, List<string> reasons, int depth)
    {
        IEnumerable<(string System, string Code)>? result = set.System is null ? null : ExpandSystem(set, open, reasons);
        foreach (var imported in set.ValueSets)
        {
            var expansion = _valueSets.ContainsKey(StripVersion(imported)) ? Build(StripVersion(imported), depth + 1) : null;
            if (expansion is null)
            {
                open.Add("*");
                reasons.Add($"value set {imported} is not loaded");
                return [];
            }

            // Imports intersect with the system part; an import alone stands for its own codes.
            open.UnionWith(expansion.OpenSystems);
            result = result is null ? expansion.Codes : result.Intersect(expansion.Codes);
        }

        return result ?? [];
    }

    private IEnumerable<(string, string)> ExpandSystem(ConceptSet set, HashSet<string> open, List<string> reasons)
    {
        var system = set.System!;
        if (set.Concepts.Count > 0 && set.Filters.Count == 0)
        {
            return set.Concepts.Select(code => (system, code));
        }

        if (!_codeSystems.TryGetValue(system, out var codeSystem) || !codeSystem.IsComplete)
        {
            open.Add(system);
            reasons.Add($"code system {system} is not loaded or not complete");
            return [];
        }

        IEnumerable<string> codes = codeSystem.ParentOf.Keys;
        foreach (var filter in set.Filters)
        {
            if (filter.Property != "concept" || filter.Op is not ("is-a" or "descendent-of"))
            {
                open.Add(system);
                reasons.Add($"filter {filter.Property} {filter.Op} is not supported");
                return [];
            }

            var below = codeSystem.SelfAndDescendants(filter.Value).Where(code => filter.Op == "is-a" || code != filter.Value).ToHashSet();
            codes = codes.Where(below.Contains);
        }

        return codes.Select(code => (system, code)).ToList();
    }
}
