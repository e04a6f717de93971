using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Issues;

/// <summary>
/// A catalogue entry: a stable code with its issue type and default severity. A <paramref name="Tolerable"/>
/// defect is a warning in lenient mode and an error in strict mode.
/// </summary>
public sealed record IssueDefinition(string Code, IssueType Type, IssueSeverity Severity, bool Tolerable, string Summary)
{
    /// <summary>Creates an issue of this kind at a location.</summary>
    public Issue At(string location, SourcePosition position, string message, bool lenient = false) =>
        new(Code, Tolerable && lenient ? IssueSeverity.Warning : Severity, Type, location, position, message);
}
