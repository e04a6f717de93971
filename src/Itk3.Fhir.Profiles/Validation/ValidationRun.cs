using System.Runtime.InteropServices;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Profiles.FhirPath;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>The state of one validation: the issues found, the Bundle to resolve references in, and what was already done.</summary>
internal sealed class ValidationRun
{
    private readonly List<ProfileIssue> _issues = [];
    private readonly HashSet<(string Code, string Location, string? Element)> _seen = [];
    private readonly HashSet<string> _notCheckedOnce = new(StringComparer.Ordinal);
    private readonly Dictionary<ElementNode, HashSet<string>> _validated = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ElementNode, Dictionary<string, bool>> _meets = new(ReferenceEqualityComparer.Instance);
    private readonly BundleIndex _bundle;
    private FhirPathEnvironment? _environment;

    /// <summary>Creates a run over a root resource.</summary>
    public ValidationRun(ProfileValidator validator, ElementNode root)
    {
        Validator = validator;
        Root = root;
        _bundle = new BundleIndex(root);
        Resolver = _bundle.Resolve;
    }

    /// <summary>A probe run inside <paramref name="parent"/> (does a resource meet a profile?): its own issues, the parent's Bundle index.</summary>
    public ValidationRun(ValidationRun parent)
    {
        Validator = parent.Validator;
        Root = parent.Root;
        _bundle = parent._bundle;
        Resolver = parent.Resolver;
        ClaimedProfiles = parent.ClaimedProfiles;
    }

    /// <summary>Whether the profiles resources claim in <c>meta.profile</c> are validated too.</summary>
    public bool ClaimedProfiles { get; init; } = true;

    /// <summary>The validator (compiled profiles, package).</summary>
    public ProfileValidator Validator { get; }

    /// <summary>The resource validation started from.</summary>
    public ElementNode Root { get; }

    /// <summary>Resolves a reference inside the Bundle.</summary>
    public Func<string, ElementNode?> Resolver { get; }

    /// <summary>The issues found so far.</summary>
    public IReadOnlyList<ProfileIssue> Issues => _issues;

    /// <summary>The FHIRPath environment for a resource.</summary>
    public FhirPathEnvironment Environment(ElementNode resource) =>
        ReferenceEquals(_environment?.Resource, resource) ? _environment! : _environment = new(resource, Resolver);

    /// <summary>Marks a resource as validated against a profile; false when it already was.</summary>
    public bool FirstVisit(ElementNode resource, string profileUrl) => For(_validated, resource).Add(profileUrl);

    /// <summary>Whether a resource meets a profile, computed once per run by <paramref name="probe"/>.</summary>
    public bool MeetsProfile(ElementNode resource, string profileUrl, Func<bool> probe)
    {
        var known = For(_meets, resource);
        if (!known.TryGetValue(profileUrl, out var meets))
        {
            // Assume success while probing, so that a cycle of references terminates.
            known[profileUrl] = true;
            known[profileUrl] = meets = probe();
        }

        return meets;
    }

    private static T For<T>(Dictionary<ElementNode, T> table, ElementNode resource)
        where T : class, new()
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(table, resource, out _);
        return entry ??= new T();
    }

    /// <summary>Reports an issue, once per code, location and element.</summary>
    public void Report(IssueDefinition definition, string location, SourcePosition position, string message, string? profile, string? elementId, IssueSeverity? severity = null)
    {
        if (!_seen.Add((definition.Code, location, elementId)))
        {
            return;
        }

        var issue = definition.At(location, position, message);
        _issues.Add(new ProfileIssue(severity is null ? issue : issue with { Severity = severity.Value }, profile, elementId));
    }

    /// <summary>Reports a "not checked" issue once per key (e.g. one unparseable invariant or unexpandable value set per run).</summary>
    public void ReportNotCheckedOnce(string key, IssueDefinition definition, string location, SourcePosition position, string message, string? profile, string? elementId)
    {
        if (_notCheckedOnce.Add(definition.Code + "|" + key))
        {
            Report(definition, location, position, message, profile, elementId);
        }
    }
}
