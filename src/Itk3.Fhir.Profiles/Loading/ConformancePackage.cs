using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.Definitions;
using Itk3.Fhir.Profiles.Terminology;

namespace Itk3.Fhir.Profiles.Loading;

/// <summary>
/// The conformance resources a validator uses: StructureDefinitions, ValueSets and CodeSystems by canonical URL.
/// Snapshots missing from a definition are generated from its differential when its base is loaded.
/// Fill it with <see cref="Add"/> (or <see cref="ConformanceLoader"/>), then share it read-only.
/// </summary>
public sealed class ConformancePackage
{
    private readonly Dictionary<string, StructureDefinitionModel> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StructureDefinitionModel?> _withSnapshot = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unusable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValueSetModel> _valueSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeSystemModel> _codeSystems = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ValueSetExpander? _expander;

    /// <summary>The number of StructureDefinitions, ValueSets and CodeSystems loaded.</summary>
    public (int StructureDefinitions, int ValueSets, int CodeSystems) Counts => (_definitions.Count, _valueSets.Count, _codeSystems.Count);

    /// <summary>Adds a conformance resource (or every resource of a Bundle); returns how many were taken.</summary>
    public int Add(ElementNode resource, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        switch (resource.ResourceType)
        {
            case "Bundle":
                return resource.ChildrenNamed("entry").Select(entry => entry.Child("resource")).OfType<ElementNode>().Sum(r => Add(r, source));
            case "StructureDefinition" when StructureDefinitionReader.Read(resource, source) is { } definition:
                lock (_gate)
                {
                    _definitions[definition.Url] = definition;
                    _withSnapshot.Clear();
                }

                return 1;
            case "ValueSet" when TerminologyReader.ReadValueSet(resource) is { } valueSet:
                lock (_gate)
                {
                    _valueSets[valueSet.Url] = valueSet;
                    _expander = null;
                }

                return 1;
            case "CodeSystem" when TerminologyReader.ReadCodeSystem(resource) is { } codeSystem:
                lock (_gate)
                {
                    _codeSystems[codeSystem.Url] = codeSystem;
                    _expander = null;
                }

                return 1;
            default:
                return 0;
        }
    }

    /// <summary>The value set expander over the loaded terminology.</summary>
    public ValueSetExpander Expander
    {
        get
        {
            lock (_gate)
            {
                return _expander ??= new ValueSetExpander(new Dictionary<string, ValueSetModel>(_valueSets), new Dictionary<string, CodeSystemModel>(_codeSystems));
            }
        }
    }

    /// <summary>True when a StructureDefinition with this URL is loaded (usable or not).</summary>
    public bool Contains(string url) => _definitions.ContainsKey(StripVersion(url));

    /// <summary>
    /// The definition with a snapshot (generated when only a differential was given and its base is loaded), or null;
    /// <paramref name="problem"/> then says why (not loaded, or cannot be used).
    /// </summary>
    public StructureDefinitionModel? Resolve(string url, out string? problem)
    {
        url = StripVersion(url);
        lock (_gate)
        {
            var resolved = ResolveLocked(url, 0);
            problem = resolved is not null ? null
                : _unusable.TryGetValue(url, out var why) ? why
                : $"StructureDefinition {url} is not loaded";
            return resolved;
        }
    }

    /// <summary>The base StructureDefinition of a core type (<c>http://hl7.org/fhir/StructureDefinition/{type}</c>), or null.</summary>
    public StructureDefinitionModel? ResolveCoreType(string type) =>
        Resolve("http://hl7.org/fhir/StructureDefinition/" + type, out _);

    private static string StripVersion(string url) => CanonicalUrl.WithoutVersion(url);

    private StructureDefinitionModel? ResolveLocked(string url, int depth)
    {
        if (_withSnapshot.TryGetValue(url, out var cached))
        {
            return cached;
        }

        if (!_definitions.TryGetValue(url, out var definition))
        {
            return null;
        }

        var result = definition.Snapshot.Count > 0 ? definition : Generate(definition, depth);
        _withSnapshot[url] = result;
        return result;
    }

    private StructureDefinitionModel? Generate(StructureDefinitionModel definition, int depth)
    {
        var baseModel = definition.BaseDefinition is null || depth > 20 ? null : ResolveLocked(definition.BaseDefinition, depth + 1);
        if (baseModel is null || definition.Differential.Count == 0)
        {
            _unusable[definition.Url] = $"profile {definition.Url} has no snapshot and its base {definition.BaseDefinition ?? "(none)"} is not loaded: it cannot be used";
            return null;
        }

        var snapshot = SnapshotGenerator.Generate(baseModel, definition.Differential, type => ResolveLocked("http://hl7.org/fhir/StructureDefinition/" + type, depth + 1), out var failure);
        if (snapshot is null)
        {
            _unusable[definition.Url] = $"profile {definition.Url} cannot be used: {failure}";
            return null;
        }

        return definition with { Snapshot = snapshot };
    }
}
