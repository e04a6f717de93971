using System.Collections.Frozen;
using Itk3.Fhir.Issues;

namespace Itk3.Messaging.Codes;

/// <summary>When each ITK3 response code applies, in plain words (ITK3 digest §8.3 and §10.3).</summary>
public static class ResponseCodeGuide
{
    private static readonly FrozenDictionary<string, string> Meanings = new Dictionary<string, string>
    {
        ["10001"] = "A fault in the handling specification (extension or a key missing or repeated); the minimum every receiver supports.",
        ["10002"] = "InfAckRequested is present but not a readable boolean.",
        ["10003"] = "BusAckRequested is present but not a readable boolean.",
        ["10004"] = "The MessageDefinition is unreadable, or the message type or event is not supported here.",
        ["10005"] = "The MessageDefinition is known here but not in this version.",
        ["10006"] = "The Priority key value was wrong (key and code withdrawn in 2.5.0).",
        ["10007"] = "SenderReference is unreadable, empty or longer than 255 characters.",
        ["10008"] = "A handling key contradicts the payload specification (e.g. InfAckRequested must be true).",
        ["10009"] = "The message could not be read at all; answered always, to the sending mailbox, with response.identifier UNREADABLE-IN-ORIGINAL-MESSAGE.",
        ["10010"] = "RecipientType is not FA or FI from ITK-RecipientType-1.",
        ["20001"] = "The person in MessageHeader.receiver is not served by this endpoint.",
        ["20002"] = "The organisation in MessageHeader.receiver is not served by this endpoint.",
        ["20003"] = "The sender is not recognised (not used with MESH GP look-up routing).",
        ["20004"] = "An attachment type is not approved for the domain.",
        ["20005"] = "An attachment type is approved but not supported by this receiver.",
        ["20006"] = "The ITK3 bundle or MessageHeader does not conform to ITK-Message-Bundle-1 / ITK-MessageHeader-2.",
        ["20007"] = "A message with this MessageHeader id was already received and processed.",
        ["20008"] = "A document with this id was already received and processed.",
        ["20009"] = "The payload failed validation (content, document rules, internal references, attachments by URL).",
        ["20010"] = "A recipient organisation named in the payload is not served by this endpoint.",
        ["20011"] = "A recipient person named in the payload is not served by this endpoint.",
        ["20012"] = "The receiver is configured to reject this sender (not used with MESH GP look-up routing).",
        ["20013"] = "Processed successfully at infrastructure level; a business response may follow when BusAckRequested=true.",
        ["20014"] = "A replacement document could not be processed; original and replacement are marked bad.",
        ["20015"] = "The message is too large to process normally (5 MB recommended limit).",
    }.ToFrozenDictionary();

    /// <summary>The meaning of a code; business codes (3xxxx) are the outcome their display states.</summary>
    public static string MeaningOf(string code) =>
        Meanings.TryGetValue(code, out var meaning) ? meaning
        : ResponseCodes.TryGet(code, out var known) ? $"Business outcome: {known.Display}." : "Unknown code.";

    /// <summary>The explanation <c>itk3 explain</c> prints for a known code: display, meaning, level, type, header code, severity, issue type.</summary>
    public static IReadOnlyList<string> Explain(ResponseCode known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var lines = new List<string>
        {
            $"{known.Code}  {known.Display}",
            $"  meaning:        {MeaningOf(known.Code)}",
            $"  level:          {known.Level} ({(known.Level == ResponseLevel.Infrastructure ? "sent when InfAckRequested=true" : "sent when BusAckRequested=true")})",
            $"  type:           {(known.IsPositive ? "positive" : "negative: the message is not processed further")}",
            $"  response.code:  {known.HeaderResponseCode}",
            $"  issue severity: {known.Severity.ToCode()}",
            $"  issue type:     {known.IssueType.ToCode()}",
        };
        if (known.IsWithdrawn)
        {
            lines.Add("  withdrawn in ITK3 2.5.0 with the Priority key: recognised on receipt, never emitted.");
        }

        return lines;
    }
}
