using Itk3.Fhir.Issues;

namespace Itk3.Messaging.Codes;

/// <summary>
/// One code of ITK-ResponseCodes-1 with everything needed to build or read a response: level, positive or negative,
/// <c>MessageHeader.response.code</c>, OperationOutcome issue severity and type, and the exact CodeSystem display.
/// </summary>
public sealed record ResponseCode(
    string Code,
    ResponseLevel Level,
    bool IsPositive,
    string HeaderResponseCode,
    IssueSeverity Severity,
    IssueType IssueType,
    string Display,
    bool IsWithdrawn = false)
{
    /// <summary>True for a negative code: the received message is not processed further.</summary>
    public bool IsNegative => !IsPositive;

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Display}";
}
