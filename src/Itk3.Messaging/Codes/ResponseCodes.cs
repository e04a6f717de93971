using System.Collections.Frozen;
using Itk3.Fhir.Issues;

namespace Itk3.Messaging.Codes;

/// <summary>ITK-ResponseCodes-1 v1.5.0 (ITK3 2.10.0-live) as data; 10006 is known but withdrawn and never emitted.</summary>
public static class ResponseCodes
{
    /// <summary>The CodeSystem URL carried in <c>issue.details.coding.system</c>.</summary>
    public const string System = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1";

    /// <summary>10001 Handling Specification Error.</summary>
    public const string HandlingSpecificationError = "10001";

    /// <summary>10002 InfAckRequested unreadable or incorrect.</summary>
    public const string InfAckValueError = "10002";

    /// <summary>10003 BusAckRequested unreadable or incorrect.</summary>
    public const string BusAckValueError = "10003";

    /// <summary>10004 MessageDefinition unreadable, incorrect or not supported.</summary>
    public const string MessageDefinitionError = "10004";

    /// <summary>10005 MessageDefinition version not supported.</summary>
    public const string MessageDefinitionVersionError = "10005";

    /// <summary>10006 Priority value error: withdrawn in 2.5.0, never emitted.</summary>
    public const string PriorityWithdrawn = "10006";

    /// <summary>10007 SenderReference unreadable or incorrect.</summary>
    public const string SenderReferenceError = "10007";

    /// <summary>10008 handling keys contradict the payload specification's rules.</summary>
    public const string HandlingBusinessRuleError = "10008";

    /// <summary>10009 Unreadable message received.</summary>
    public const string Unreadable = "10009";

    /// <summary>10010 RecipientType unreadable or incorrect.</summary>
    public const string RecipientTypeError = "10010";

    /// <summary>20001 Unrecognised Recipient Person.</summary>
    public const string UnrecognisedRecipientPerson = "20001";

    /// <summary>20002 Unrecognised Recipient Organisation.</summary>
    public const string UnrecognisedRecipientOrganisation = "20002";

    /// <summary>20003 Unrecognised Sender.</summary>
    public const string UnrecognisedSender = "20003";

    /// <summary>20004 Non-Approved attachment type.</summary>
    public const string NonApprovedAttachment = "20004";

    /// <summary>20005 Unsupported attachment type.</summary>
    public const string UnsupportedAttachment = "20005";

    /// <summary>20006 ITK header validation failure.</summary>
    public const string HeaderValidationFailure = "20006";

    /// <summary>20007 Duplicate Message received.</summary>
    public const string DuplicateMessage = "20007";

    /// <summary>20008 Duplicate Document received.</summary>
    public const string DuplicateDocument = "20008";

    /// <summary>20009 Payload validation failure.</summary>
    public const string PayloadValidationFailure = "20009";

    /// <summary>20010 Unrecognised Payload Recipient Organisation.</summary>
    public const string UnrecognisedPayloadRecipientOrganisation = "20010";

    /// <summary>20011 Unrecognised Payload Recipient Person.</summary>
    public const string UnrecognisedPayloadRecipientPerson = "20011";

    /// <summary>20012 Unauthorised Sender.</summary>
    public const string UnauthorisedSender = "20012";

    /// <summary>20013 Success (the positive infrastructure response).</summary>
    public const string Success = "20013";

    /// <summary>20014 Unable to Process Replacement Document.</summary>
    public const string ReplacementDocumentFailure = "20014";

    /// <summary>20015 Message too large.</summary>
    public const string MessageTooLarge = "20015";

    private static readonly FrozenDictionary<string, ResponseCode> ByCode = ResponseCodeTable.Build().ToFrozenDictionary(c => c.Code);

    /// <summary>Every code in numeric order, including the withdrawn 10006.</summary>
    public static IReadOnlyList<ResponseCode> All { get; } = [.. ByCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>Finds a code by its exact text; false for unknown codes.</summary>
    public static bool TryGet(string? code, out ResponseCode responseCode)
    {
        if (code is not null && ByCode.TryGetValue(code.Trim(), out var found))
        {
            responseCode = found;
            return true;
        }

        responseCode = null!;
        return false;
    }

    /// <summary>A code that must exist; throws <see cref="ArgumentException"/> for unknown or withdrawn codes.</summary>
    public static ResponseCode Get(string code)
    {
        if (!TryGet(code, out var found) || found.IsWithdrawn)
        {
            throw new ArgumentException($"'{code}' is not an emittable ITK3 response code.", nameof(code));
        }

        return found;
    }

    /// <summary>The level a code belongs to by its prefix (1/2 infrastructure, 3 business), for codes not in the table.</summary>
    public static ResponseLevel? LevelOf(string? code) => code is { Length: > 0 } ? code[0] switch
    {
        '1' or '2' => ResponseLevel.Infrastructure,
        '3' => ResponseLevel.Business,
        _ => null,
    } : null;

    internal static ResponseCode Infra(string code, string display, IssueType type) =>
        new(code, ResponseLevel.Infrastructure, false, "fatal-error", IssueSeverity.Fatal, type, display);

    internal static ResponseCode BusinessPositive(string code, string display) =>
        new(code, ResponseLevel.Business, true, "ok", IssueSeverity.Information, IssueType.Informational, display);

    internal static ResponseCode BusinessNegative(string code, string display, IssueSeverity severity, IssueType type) =>
        new(code, ResponseLevel.Business, false, "fatal-error", severity, type, display);
}
