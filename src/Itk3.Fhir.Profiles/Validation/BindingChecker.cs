using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.Terminology;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>Checks coded values (code, Coding, CodeableConcept, Quantity) against a required or extensible binding.</summary>
internal sealed class BindingChecker
{
    private readonly ValidationRun _run;

    /// <summary>Creates a checker for a run.</summary>
    public BindingChecker(ValidationRun run) => _run = run;

    /// <summary>Checks one element; other types (string, uri...) are not coded and are skipped.</summary>
    public void Check(ElementNode node, string? type, string strength, string valueSet, Scope scope, string path, string elementId)
    {
        var codes = Codes(node, type);
        if (codes is null)
        {
            return;
        }

        var expansion = _run.Validator.Package.Expander.Expand(valueSet);
        if (expansion is null)
        {
            _run.ReportNotCheckedOnce(valueSet, ProfileIssues.BindingNotChecked, path, node.Position,
                $"value set {valueSet} is not loaded: {elementId} not checked", scope.Profile.Url, elementId);
            return;
        }

        var results = codes.Select(c => expansion.Contains(c.System, c.Code)).ToList();
        if (results.Contains(Membership.Member) || (results.Count == 0 && strength != "required"))
        {
            return;
        }

        if (results.Contains(Membership.NotChecked))
        {
            _run.ReportNotCheckedOnce(valueSet + "|" + path, ProfileIssues.BindingNotChecked, path, node.Position,
                $"value set {valueSet} could not be fully expanded ({expansion.NotExpandedReason}): {elementId} not checked", scope.Profile.Url, elementId);
            return;
        }

        var definition = strength == "required" ? ProfileIssues.BindingRequired : ProfileIssues.BindingExtensible;
        var shown = string.Join(", ", codes.Select(c => c.System is null ? c.Code : $"{c.System}|{c.Code}"));
        _run.Report(definition, path, node.Position,
            $"{(shown.Length == 0 ? "no coding" : shown)} is not in value set {valueSet} ({strength})", scope.Profile.Url, elementId);
    }

    private static List<(string? System, string Code)>? Codes(ElementNode node, string? type) => type switch
    {
        "code" => node.Value is { } code ? [(null, code)] : [],
        "Coding" => [.. Coding(node)],
        "Quantity" => node.ChildValue("code") is null ? null : [.. Coding(node)],
        "CodeableConcept" => [.. node.ChildrenNamed("coding").SelectMany(Coding)],
        _ => null,
    };

    private static IEnumerable<(string? System, string Code)> Coding(ElementNode coding)
    {
        if (coding.ChildValue("code") is { } code)
        {
            yield return (coding.ChildValue("system"), code);
        }
    }
}
