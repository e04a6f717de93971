using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.FhirPath;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>The rules on one element: fixed and pattern values, bindings, invariants and reference targets.</summary>
internal sealed partial class ElementWalker
{
    private void CheckValue(ElementNode node, CompiledElement definition, Scope scope, string path)
    {
        var element = definition.Definition;
        if (element.Fixed is { } fixedValue && !ValueComparer.EqualsFixed(node, fixedValue))
        {
            _run.Report(ProfileIssues.FixedValueMismatch, path, node.Position,
                $"{element.Id} must be exactly {ValueComparer.Describe(fixedValue)}", scope.Profile.Url, element.Id);
        }

        if (element.Pattern is { } pattern && !ValueComparer.MatchesPattern(node, pattern))
        {
            _run.Report(ProfileIssues.PatternMismatch, path, node.Position,
                $"{element.Id} must match {ValueComparer.Describe(pattern)}", scope.Profile.Url, element.Id);
        }

        if (element.Binding is { Strength: "required" or "extensible", ValueSet: { } valueSet } binding)
        {
            new BindingChecker(_run).Check(node, definition.ConcreteType(node.Name), binding.Strength, valueSet, scope, path, element.Id);
        }
    }

    private void CheckInvariants(ElementNode node, CompiledElement definition, Scope scope, string path)
    {
        foreach (var invariant in definition.Invariants)
        {
            var constraint = invariant.Constraint;
            if (invariant.Expression is null)
            {
                _run.ReportNotCheckedOnce(scope.Profile.Url + "#" + constraint.Key, ProfileIssues.InvariantNotChecked, path, node.Position,
                    $"invariant {constraint.Key} was not checked: {invariant.ParseError}", scope.Profile.Url, definition.Definition.Id);
                continue;
            }

            bool? result;
            try
            {
                result = invariant.Native is { } native
                    ? native(node)
                    : FhirPathEvaluator.ToBoolean(FhirPathEvaluator.Evaluate(invariant.Expression, node, _run.Environment(scope.Resource)));
            }
            catch (Exception e) when (e is FhirPathException or System.Text.RegularExpressions.RegexMatchTimeoutException or ArgumentException)
            {
                _run.ReportNotCheckedOnce(scope.Profile.Url + "#" + constraint.Key, ProfileIssues.InvariantNotChecked, path, node.Position,
                    $"invariant {constraint.Key} was not checked: {e.Message}", scope.Profile.Url, definition.Definition.Id);
                continue;
            }

            if (result == false)
            {
                var warning = constraint.Severity == "warning";
                _run.Report(warning ? ProfileIssues.InvariantWarning : ProfileIssues.InvariantFailed, path, node.Position,
                    $"{constraint.Key}: {constraint.Human}", scope.Profile.Url, definition.Definition.Id + "/" + constraint.Key);
            }
        }
    }

    private void CheckReferenceTarget(ElementNode reference, CompiledElement definition, Scope scope, string path)
    {
        var targets = definition.ReferenceTargets;
        if (targets.Count == 0 || reference.ChildValue("reference") is not { } text || _run.Resolver(text) is not { } target)
        {
            return;
        }

        foreach (var url in targets)
        {
            if (MeetsTarget(target, url))
            {
                return;
            }
        }

        _run.Report(ProfileIssues.ReferenceTargetMismatch, path, reference.Position,
            $"the {target.ResourceType} referenced meets none of {string.Join(", ", targets)}", scope.Profile.Url, definition.Definition.Id);
    }

    private bool MeetsTarget(ElementNode target, string url)
    {
        if (ProfileValidator.IsCore(url))
        {
            var type = url[(url.LastIndexOf('/') + 1)..];
            return type is "Resource" or "DomainResource" || target.ResourceType == type;
        }

        var profile = _run.Validator.GetProfile(url, out _);
        if (profile is null)
        {
            // Not loaded: only the type can be judged, from the profile name, so do not fail on it.
            return true;
        }

        if (profile.Definition.Type != target.ResourceType)
        {
            return false;
        }

        return _run.MeetsProfile(target, url, () =>
        {
            var probe = new ValidationRun(_run);
            new ElementWalker(probe).ValidateAgainst(target, profile, target.ResourceType!);
            return !probe.Issues.Any(issue => issue.IsError);
        });
    }

    private void ValidateSliced(ElementNode parent, List<ElementNode> items, CompiledElement sliced, Scope scope, string path)
    {
        var matcher = new SliceMatcher(_run, scope);
        var counts = new int[sliced.Slices.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = ItemPath(path, items[i], sliced, i);
            var (index, undecided) = matcher.Match(items[i], sliced);
            if (index >= 0)
            {
                counts[index]++;
                ValidateItem(items[i], sliced.Slices[index], scope, itemPath, sliced: true);
                continue;
            }

            if (undecided)
            {
                _run.Report(ProfileIssues.SliceNotChecked, itemPath, items[i].Position,
                    $"which slice of {sliced.Definition.Id} this item belongs to could not be decided", scope.Profile.Url, sliced.Definition.Id);
            }
            else if (sliced.Definition.Slicing?.IsClosed == true)
            {
                _run.Report(ProfileIssues.SliceUnmatched, itemPath, items[i].Position,
                    $"the item matches no slice of {sliced.Definition.Id} (closed)", scope.Profile.Url, sliced.Definition.Id);
                continue;
            }

            ValidateItem(items[i], sliced, scope, itemPath, sliced: false);
        }

        for (var s = 0; s < sliced.Slices.Count; s++)
        {
            CheckCardinality(parent, counts[s], sliced.Slices[s], scope, path, sliced.Definition.Name, sliced.Slices[s].Definition.SliceName ?? "");
        }
    }
}
