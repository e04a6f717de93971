using Itk3.Fhir.Issues;

namespace Itk3.Fhir.Profiles;

/// <summary>An issue found by profile validation, with the profile URL and the element id of the rule it comes from.</summary>
public sealed record ProfileIssue(Issue Issue, string? Profile, string? ElementId)
{
    /// <summary>The stable code.</summary>
    public string Code => Issue.Code;

    /// <summary>True for errors.</summary>
    public bool IsError => Issue.IsError;

    /// <summary>The issue as one line: <c>path (line:col) code message [profile#element]</c>.</summary>
    public override string ToString() => Profile is null ? Issue.ToString() : ElementId is null ? $"{Issue} [{Profile}]" : $"{Issue} [{Profile}#{ElementId}]";
}
