namespace Itk3.Fhir.Profiles.Validation;

/// <summary>The outcome of validating a resource against profiles: every issue, with counts.</summary>
public sealed record ProfileValidationResult(IReadOnlyList<ProfileIssue> Issues)
{
    /// <summary>True when no issue is an error.</summary>
    public bool IsValid => !Issues.Any(issue => issue.IsError);

    /// <summary>The number of errors.</summary>
    public int ErrorCount => Issues.Count(issue => issue.IsError);

    /// <summary>The number of "not checked" information issues (something could not be verified).</summary>
    public int NotCheckedCount => Issues.Count(issue => ProfileIssues.IsNotChecked(issue.Code));
}
