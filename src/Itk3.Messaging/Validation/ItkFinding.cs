using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation;

/// <summary>One defect found by a receiver rule: its ITK response code, where it is, and diagnostics free of patient data.</summary>
public sealed record ItkFinding(ResponseCode Code, string Location, SourcePosition Position, string Diagnostics)
{
    /// <summary>The finding as one line: <c>code location (line:col) diagnostics</c>.</summary>
    public override string ToString() => $"{Code.Code} {Location} ({Position}) {Diagnostics}";
}
