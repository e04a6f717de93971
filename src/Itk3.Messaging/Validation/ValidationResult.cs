using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation;

/// <summary>
/// The receiver's verdict on one message: every finding of the first failing rule, the code to answer with
/// (that rule's first finding, or 20013), and the message view when it could be read.
/// </summary>
public sealed record ValidationResult(ReadOutcome Read, IReadOnlyList<ItkFinding> Findings)
{
    /// <summary>The infrastructure code for the response: the first finding's code, or 20013 Success.</summary>
    public ResponseCode Outcome => Findings.Count > 0 ? Findings[0].Code : ResponseCodes.Get(ResponseCodes.Success);

    /// <summary>True when the message passed every rule.</summary>
    public bool IsAccepted => Findings.Count == 0;

    /// <summary>The message view, or null when unreadable.</summary>
    public ItkMessage? Message => Read.Message;

    /// <summary>True when the outcome is 10009 (or the size limit stopped reading altogether).</summary>
    public bool IsUnreadable => Outcome.Code == ResponseCodes.Unreadable;

    /// <summary>The id the responses answer: MessageHeader.id, or UNREADABLE-IN-ORIGINAL-MESSAGE.</summary>
    public string RespondsTo => Responses.ResponseFactory.SafeId(Message?.MessageId);
}
