using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Terminology;

/// <summary>Reads ValueSet and CodeSystem resources (element trees) into their models.</summary>
public static class TerminologyReader
{
    /// <summary>Reads a CodeSystem, or null when it has no url.</summary>
    public static CodeSystemModel? ReadCodeSystem(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.ChildValue("url") is not { } url)
        {
            return null;
        }

        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        AddConcepts(resource, null, parents);
        return new CodeSystemModel(url, resource.ChildValue("content") ?? "complete", parents);
    }

    /// <summary>Reads a ValueSet, or null when it has no url. A STU3 ValueSet may also hold an inline code system.</summary>
    public static ValueSetModel? ReadValueSet(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.ChildValue("url") is not { } url)
        {
            return null;
        }

        var compose = resource.Child("compose");
        var expansion = resource.Child("expansion");
        return new ValueSetModel(
            url,
            compose is null ? [] : [.. compose.ChildrenNamed("include").Select(ReadSet)],
            compose is null ? [] : [.. compose.ChildrenNamed("exclude").Select(ReadSet)],
            expansion is null ? null : [.. Contains(expansion)]);
    }

    private static void AddConcepts(ElementNode owner, string? parent, Dictionary<string, string?> parents)
    {
        foreach (var concept in owner.ChildrenNamed("concept"))
        {
            if (concept.ChildValue("code") is { } code)
            {
                parents.TryAdd(code, parent);
                AddConcepts(concept, code, parents);
            }
        }
    }

    private static ConceptSet ReadSet(ElementNode set) => new(
        set.ChildValue("system"),
        [.. set.ChildrenNamed("concept").Select(c => c.ChildValue("code")).OfType<string>()],
        [.. set.ChildrenNamed("filter").Select(f => new ConceptFilter(f.ChildValue("property") ?? string.Empty, f.ChildValue("op") ?? string.Empty, f.ChildValue("value") ?? string.Empty))],
        [.. set.ChildrenNamed("valueSet").Select(v => v.Value).OfType<string>()]);

    private static IEnumerable<(string? System, string Code)> Contains(ElementNode owner)
    {
        foreach (var contains in owner.ChildrenNamed("contains"))
        {
            if (contains.ChildValue("code") is { } code)
            {
                yield return (contains.ChildValue("system"), code);
            }

            foreach (var nested in Contains(contains))
            {
                yield return nested;
            }
        }
    }
}
