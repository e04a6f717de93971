using System.Collections.Concurrent;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.Loading;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>
/// Validates element trees against the profiles of a <see cref="ConformancePackage"/>. Each profile is compiled once
/// and cached; one validator is safe to share between threads once its package is filled.
/// </summary>
public sealed class ProfileValidator
{
    private const string CoreBase = "http://hl7.org/fhir/StructureDefinition/";
    private readonly ConcurrentDictionary<string, Lazy<(CompiledProfile? Profile, string? Problem)>> _compiled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CompiledInvariantParse> _expressions = new(StringComparer.Ordinal);

    /// <summary>Creates a validator over a package.</summary>
    public ProfileValidator(ConformancePackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        Package = package;
    }

    /// <summary>The conformance resources used.</summary>
    public ConformancePackage Package { get; }

    /// <summary>
    /// Validates a resource against the given profiles (each must be usable, else <c>profile-unavailable</c>) and against
    /// the profiles it and the resources it holds claim in <c>meta.profile</c> (those not loaded: <c>profile-not-checked</c>).
    /// </summary>
    public ProfileValidationResult Validate(ElementNode resource, IEnumerable<string>? profiles = null) => Validate(resource, profiles, claimedProfiles: true);

    /// <summary>
    /// Validates a resource against the given profiles and, when <paramref name="claimedProfiles"/> is true, against those it
    /// and the resources it holds claim in <c>meta.profile</c>; when false, claims are ignored (resources without a given
    /// profile are checked against their core definition when it is loaded).
    /// </summary>
    public ProfileValidationResult Validate(ElementNode resource, IEnumerable<string>? profiles, bool claimedProfiles)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var run = new ValidationRun(this, resource) { ClaimedProfiles = claimedProfiles };
        new ElementWalker(run).ValidateResource(resource, resource.ResourceType ?? resource.Name, [.. profiles ?? []], requireAll: true);
        return new ProfileValidationResult([.. run.Issues]);
    }

    /// <summary>Whether the profile with a URL is loaded and usable (compiling it now, once); otherwise <paramref name="problem"/> says why.</summary>
    public bool CanUse(string url, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(url);
        return GetProfile(url, out problem) is not null;
    }

    /// <summary>Compiles (once) the profile with a URL, or returns null with the reason.</summary>
    internal CompiledProfile? GetProfile(string url, out string? problem)
    {
        var key = CanonicalUrl.WithoutVersion(url);
        if (!_compiled.TryGetValue(key, out var lazy))
        {
            lazy = _compiled.GetOrAdd(key, k => new Lazy<(CompiledProfile?, string?)>(() =>
            {
                var definition = Package.Resolve(k, out var why);
                return definition is null ? (null, why) : (ProfileCompiler.Compile(definition, _expressions), null);
            }));
        }

        var entry = lazy.Value;
        problem = entry.Problem;
        return entry.Profile;
    }

    /// <summary>Parses (once) a slicing discriminator path; throws <see cref="FhirPath.FhirPathException"/> when it is not FHIRPath.</summary>
    internal FhirPath.FhirPathNode ParseDiscriminator(string path)
    {
        var parsed = _expressions.GetOrAdd(path, CompiledInvariantParse.Create);
        return parsed.Expression ?? throw new FhirPath.FhirPathException(parsed.Error ?? path);
    }

    /// <summary>The compiled base definition of a core type or resource, or null when the core definitions are not loaded.</summary>
    internal CompiledProfile? GetCoreType(string type) => GetProfile(CoreBase + type, out _);

    /// <summary>True when the URL names a core definition (a plain type, not a profile).</summary>
    internal static bool IsCore(string url) =>
        url.Length > CoreBase.Length && url.StartsWith(CoreBase, StringComparison.Ordinal) && char.IsUpper(url[CoreBase.Length]) && url.IndexOfAny(['/', '-'], CoreBase.Length) < 0;
}
