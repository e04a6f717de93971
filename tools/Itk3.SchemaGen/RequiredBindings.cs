using System.Text;
using System.Text.Json;

namespace Itk3.SchemaGen;

/// <summary>
/// Expands the value sets of required bindings on <c>code</c> elements from the official <c>valuesets.json</c> (and
/// the code systems it holds). A value set that cannot be enumerated from the definitions (filters, external code
/// systems such as BCP-47 or UCUM, imported value sets, exclusions) is left unchecked and not written.
/// </summary>
internal sealed class RequiredBindings
{
    private readonly Dictionary<string, JsonElement> _valueSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _codeSystems = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, IReadOnlyList<string>?> _expanded = new(StringComparer.Ordinal);

    public RequiredBindings(IEnumerable<string> bundlePaths)
    {
        foreach (var path in bundlePaths)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
            {
                var resource = entry.GetProperty("resource");
                var target = resource.GetProperty("resourceType").GetString() switch
                {
                    "ValueSet" => _valueSets,
                    "CodeSystem" => _codeSystems,
                    _ => null,
                };
                target?.TryAdd(resource.GetProperty("url").GetString()!, resource.Clone());
            }
        }
    }

    /// <summary>The value set URL of a required binding on a <c>code</c> element whose codes can be enumerated, or null.</summary>
    public string? BindingOf(JsonElement element, IReadOnlyList<string> types)
    {
        if (types is not ["code"] || !element.TryGetProperty("binding", out var binding)
            || binding.GetProperty("strength").GetString() != "required")
        {
            return null;
        }

        var url = binding.TryGetProperty("valueSetReference", out var reference)
            ? reference.GetProperty("reference").GetString()
            : binding.TryGetProperty("valueSetUri", out var uri) ? uri.GetString() : null;
        if (url is null)
        {
            return null;
        }

        url = url.Split('|')[0];
        if (!_expanded.TryGetValue(url, out var codes))
        {
            codes = Expand(url);
            _expanded[url] = codes;
        }

        return codes is null ? null : url;
    }

    /// <summary>Writes one <c>valueset URL CODE...</c> line per value set a binding used.</summary>
    public void Write(StringBuilder text)
    {
        text.Append("# valueset lines: valueset URL CODE CODE... (the codes of a required binding, from valuesets.json)\n");
        foreach (var (url, codes) in _expanded)
        {
            if (codes is not null)
            {
                text.Append("valueset ").Append(url).Append(' ').Append(string.Join(' ', codes)).Append('\n');
            }
        }
    }

    private List<string>? Expand(string url)
    {
        if (!_valueSets.TryGetValue(url, out var valueSet) || !valueSet.TryGetProperty("compose", out var compose)
            || compose.TryGetProperty("exclude", out _))
        {
            return null;
        }

        var codes = new List<string>();
        foreach (var include in compose.GetProperty("include").EnumerateArray())
        {
            if (include.TryGetProperty("filter", out _) || include.TryGetProperty("valueSet", out _)
                || !include.TryGetProperty("system", out var system) || !AddInclude(include, system.GetString()!, codes))
            {
                return null;
            }
        }

        var distinct = codes.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 || distinct.Exists(code => code.Length == 0 || code.Any(char.IsWhiteSpace)) ? null : distinct;
    }

    private bool AddInclude(JsonElement include, string system, List<string> codes)
    {
        if (include.TryGetProperty("concept", out var concepts))
        {
            codes.AddRange(concepts.EnumerateArray().Select(concept => concept.GetProperty("code").GetString()!));
            return true;
        }

        if (!_codeSystems.TryGetValue(system, out var codeSystem) || !codeSystem.TryGetProperty("concept", out var all)
            || (codeSystem.TryGetProperty("content", out var content) && content.GetString() != "complete"))
        {
            return false;
        }

        AddConcepts(all, codes);
        return true;
    }

    private static void AddConcepts(JsonElement concepts, List<string> codes)
    {
        foreach (var concept in concepts.EnumerateArray())
        {
            codes.Add(concept.GetProperty("code").GetString()!);
            if (concept.TryGetProperty("concept", out var nested))
            {
                AddConcepts(nested, codes);
            }
        }
    }
}
