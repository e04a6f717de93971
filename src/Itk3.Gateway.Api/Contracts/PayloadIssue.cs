using System.Text.Json.Serialization;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Profiles;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>A located problem in a submitted FHIR payload (problem details extension <c>issues</c>).</summary>
/// <param name="Code">The stable FHIR issue code.</param>
/// <param name="Severity">fatal, error, warning or information.</param>
/// <param name="Type">The OperationOutcome issue type.</param>
/// <param name="Location">The FHIRPath-like location.</param>
/// <param name="Line">The line (1-based; 0 when unknown).</param>
/// <param name="Column">The column (1-based; 0 when unknown).</param>
/// <param name="Message">A human-readable message.</param>
public sealed record PayloadIssue(string Code, string Severity, string Type, string Location, int Line, int Column, string Message)
{
    /// <summary>For a profile validation issue: the canonical URL of the profile whose rule it comes from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Profile { get; init; }

    /// <summary>For a profile validation issue: the element id of the rule (for an invariant, <c>elementId/key</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ElementId { get; init; }

    /// <summary>The view of a FHIR issue.</summary>
    public static PayloadIssue From(Issue i) =>
        new(i.Code, i.Severity.ToCode(), i.Type.ToCode(), i.Location, i.Position.Line, i.Position.Column, i.Message);

    /// <summary>The view of a profile validation issue, with its profile and element id.</summary>
    public static PayloadIssue From(ProfileIssue i) => From(i.Issue) with { Profile = i.Profile, ElementId = i.ElementId };
}
