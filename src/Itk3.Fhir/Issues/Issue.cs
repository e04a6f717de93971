using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Issues;

/// <summary>
/// One problem found in content: a stable <paramref name="Code"/> from a catalogue, its severity and issue type,
/// a FHIRPath-style <paramref name="Location"/> (e.g. <c>Bundle.entry[0].resource.ofType(MessageHeader).event</c>),
/// the line and column where it was found, and a human-readable message.
/// </summary>
public sealed record Issue(
    string Code,
    IssueSeverity Severity,
    IssueType Type,
    string Location,
    SourcePosition Position,
    string Message)
{
    /// <summary>True for fatal and error issues.</summary>
    public bool IsError => Severity is IssueSeverity.Fatal or IssueSeverity.Error;

    /// <summary>The issue as one line: <c>path (line:col) code message</c>.</summary>
    public override string ToString() => $"{Location} ({Position}) {Code} {Message}";
}
