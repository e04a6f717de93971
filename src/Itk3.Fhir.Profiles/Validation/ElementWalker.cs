using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>
/// Walks an instance against compiled profiles: resources (their own and claimed profiles), children per definition
/// (cardinality, types, slices), and into datatypes through the core definitions when the snapshot stops.
/// </summary>
internal sealed partial class ElementWalker
{
    private static readonly List<ElementNode> NoItems = [];
    private readonly ValidationRun _run;

    /// <summary>Creates a walker for a run.</summary>
    public ElementWalker(ValidationRun run) => _run = run;

    /// <summary>
    /// Validates a resource against <paramref name="profiles"/> and its claimed <c>meta.profile</c>s; with neither, against
    /// its core definition when loaded (base invariants and structure).
    /// </summary>
    public void ValidateResource(ElementNode resource, string path, IReadOnlyList<string> profiles, bool requireAll)
    {
        var claimed = _run.ClaimedProfiles ? resource.Child("meta")?.ChildrenNamed("profile").Select(p => p.Value).OfType<string>().ToList() ?? [] : [];
        var any = false;
        foreach (var url in profiles.Concat(claimed).Distinct(StringComparer.Ordinal))
        {
            var required = requireAll && profiles.Contains(url);
            var profile = _run.Validator.GetProfile(url, out var problem);
            if (profile is null)
            {
                _run.Report(
                    required ? ProfileIssues.ProfileUnavailable : ProfileIssues.ProfileNotChecked,
                    path, resource.Position, problem ?? $"profile {url} cannot be used", url, null);
                continue;
            }

            any = true;
            ValidateAgainst(resource, profile, path);
        }

        if (!any && resource.ResourceType is { } type && _run.Validator.GetCoreType(type) is { } core)
        {
            ValidateAgainst(resource, core, path);
        }
    }

    /// <summary>Validates a resource against one compiled profile (once per resource and profile in a run).</summary>
    public void ValidateAgainst(ElementNode resource, CompiledProfile profile, string path)
    {
        if (!_run.FirstVisit(resource, profile.Url))
        {
            return;
        }

        if (resource.ResourceType != profile.Definition.Type)
        {
            _run.Report(ProfileIssues.TypeNotAllowed, path, resource.Position,
                $"a {resource.ResourceType} cannot meet profile {profile.Url}, which constrains {profile.Definition.Type}", profile.Url, profile.Root.Definition.Id);
            return;
        }

        ValidateNode(resource, profile.Root, new Scope(profile, resource), path, descend: true);
    }

    private void ValidateNode(ElementNode node, CompiledElement definition, Scope scope, string path, bool descend)
    {
        CheckValue(node, definition, scope, path);
        CheckInvariants(node, definition, scope, path);
        if (!descend)
        {
            return;
        }

        var (children, childScope) = ChildDefinitions(node, definition, scope);
        var items = Bucket(node, children);
        var extensionsDefined = false;
        for (var i = 0; i < children.Elements.Count; i++)
        {
            var child = children.Elements[i];
            extensionsDefined |= child.IsExtension;
            ValidateOccurrences(node, items?[i] ?? NoItems, child, childScope, path);
        }

        if (!extensionsDefined)
        {
            foreach (var extension in node.Children)
            {
                if (extension.Name is "extension" or "modifierExtension")
                {
                    ValidateExtensionByUrl(extension, scope, $"{path}.{extension.Name}");
                }
            }
        }
    }

    /// <summary>The instance children grouped by the definitions each belongs to (one pass, names looked up once per definition set).</summary>
    private static List<ElementNode>?[]? Bucket(ElementNode node, ChildSet children)
    {
        if (node.Children.Count == 0 || children.Elements.Count == 0)
        {
            return null;
        }

        var items = new List<ElementNode>?[children.Elements.Count];
        foreach (var child in node.Children)
        {
            foreach (var index in children.IndexesOf(child.Name))
            {
                (items[index] ??= []).Add(child);
            }
        }

        return items;
    }

    private (ChildSet Children, Scope Scope) ChildDefinitions(ElementNode node, CompiledElement definition, Scope scope)
    {
        if (definition.Children.Count > 0)
        {
            return (definition.ChildSet, scope);
        }

        if (definition.Definition.ContentReference is { } reference && scope.Profile.ById.TryGetValue(reference.TrimStart('#'), out var referenced))
        {
            return (referenced.ChildSet, scope);
        }

        var type = definition.ConcreteType(node.Name);
        if (type is null || node.IsResource || definition == scope.Profile.Root)
        {
            return (ChildSet.Empty, scope);
        }

        var core = _run.Validator.GetCoreType(type);
        if (core is null)
        {
            return (ChildSet.Empty, scope);
        }

        // A primitive's "value" element is the node's own value, not a child.
        var children = core.Definition.Kind == "primitive-type" ? core.Root.ChildSetWithoutValue : core.Root.ChildSet;
        return (children, scope with { Profile = core });
    }

    private void ValidateOccurrences(ElementNode parent, List<ElementNode> items, CompiledElement child, Scope scope, string path)
    {
        CheckCardinality(parent, items.Count, child, scope, path, child.Definition.Name, null);
        if (child.Slices.Count > 0)
        {
            ValidateSliced(parent, items, child, scope, path);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            ValidateItem(items[i], child, scope, ItemPath(path, items[i], child, i), sliced: false);
        }
    }

    private static string ItemPath(string path, ElementNode item, CompiledElement definition, int index) =>
        definition.Repeats ? $"{path}.{item.Name}[{index}]" : $"{path}.{item.Name}";

    /// <summary>Checks min/max; the location (<c>path.name</c> or <c>path.name:slice</c>) is built only when reporting.</summary>
    private void CheckCardinality(ElementNode parent, int count, CompiledElement definition, Scope scope, string path, string name, string? sliceName)
    {
        var min = definition.Definition.Min ?? 0;
        var max = definition.Definition.Max ?? -1;
        if (count < min)
        {
            _run.Report(ProfileIssues.CardinalityTooFew, Location(path, name, sliceName), parent.Position,
                $"{definition.Definition.Id} occurs {count} time(s); at least {min} required", scope.Profile.Url, definition.Definition.Id);
        }
        else if (max >= 0 && count > max)
        {
            _run.Report(ProfileIssues.CardinalityTooMany, Location(path, name, sliceName), parent.Position,
                $"{definition.Definition.Id} occurs {count} time(s); at most {max} allowed", scope.Profile.Url, definition.Definition.Id);
        }
    }

    private static string Location(string path, string name, string? sliceName) =>
        sliceName is null ? $"{path}.{name}" : $"{path}.{name}:{sliceName}";

    private void ValidateItem(ElementNode item, CompiledElement definition, Scope scope, string path, bool sliced)
    {
        var type = definition.ConcreteType(item.Name);
        if (item.IsResource)
        {
            ValidateNestedResource(item, definition, scope, path);
            return;
        }

        if (definition.Definition.Types.Count > 0 && type is not null && !definition.AllowsType(type))
        {
            _run.Report(ProfileIssues.TypeNotAllowed, path, item.Position,
                $"type {type} is not allowed for {definition.Definition.Id}", scope.Profile.Url, definition.Definition.Id);
            return;
        }

        var profiled = definition.TypeProfiles(type) is { } typeProfiles && ValidateTypeProfiles(item, typeProfiles, scope, path);
        ValidateNode(item, definition, scope, path, descend: !profiled || definition.Children.Count > 0);
        if (type == "Reference")
        {
            CheckReferenceTarget(item, definition, scope, path);
        }

        if (!sliced && !profiled && definition.IsExtension)
        {
            ValidateExtensionByUrl(item, scope, path, alreadyWalked: true);
        }
    }

    private bool ValidateTypeProfiles(ElementNode item, List<string> typeProfiles, Scope scope, string path)
    {
        var validated = false;
        foreach (var url in typeProfiles)
        {
            if (_run.Validator.GetProfile(url, out _) is { } profile)
            {
                validated = true;
                ValidateNode(item, profile.Root, scope with { Profile = profile }, path, descend: true);
            }
            else if (item.Name is "extension" or "modifierExtension")
            {
                _run.ReportNotCheckedOnce(url, ProfileIssues.ExtensionNotChecked, path, item.Position, $"extension definition {url} is not loaded", scope.Profile.Url, null);
            }
        }

        return validated;
    }

    private void ValidateExtensionByUrl(ElementNode extension, Scope scope, string path, bool alreadyWalked = false)
    {
        var url = extension.ChildValue("url");
        if (url is not null && _run.Validator.GetProfile(url, out _) is { } profile)
        {
            ValidateNode(extension, profile.Root, scope with { Profile = profile }, path, descend: true);
        }
        else if (!alreadyWalked || url is not null)
        {
            _run.ReportNotCheckedOnce(url ?? path, ProfileIssues.ExtensionNotChecked, path, extension.Position, $"extension definition {url} is not loaded", scope.Profile.Url, null);
        }
    }

    private void ValidateNestedResource(ElementNode resource, CompiledElement definition, Scope scope, string path)
    {
        var allowed = definition.Definition.Types;
        if (allowed.Count > 0 && !allowed.Any(t => t.Code is "Resource" or "DomainResource" || t.Code == resource.ResourceType))
        {
            _run.Report(ProfileIssues.TypeNotAllowed, path, resource.Position,
                $"a {resource.ResourceType} is not allowed for {definition.Definition.Id}", scope.Profile.Url, definition.Definition.Id);
            return;
        }

        var profiles = allowed.Select(t => t.Profile).OfType<string>().Where(p => !ValidateTypeIsCore(p)).ToList();
        ValidateResource(resource, path, profiles, requireAll: false);
    }

    private static bool ValidateTypeIsCore(string url) => ProfileValidator.IsCore(url);
}
