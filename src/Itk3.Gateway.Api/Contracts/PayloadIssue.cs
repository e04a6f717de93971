using Itk3.Fhir.Issues;

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
    /// <summary>The view of a FHIR issue.</summary>
    public static PayloadIssue From(Issue i) =>
        new(i.Code, i.Severity.ToCode(), i.Type.ToCode(), i.Location, i.Position.Line, i.Position.Column, i.Message);
}
