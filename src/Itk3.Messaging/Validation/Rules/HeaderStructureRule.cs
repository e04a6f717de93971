using Itk3.Fhir.Primitives;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>
/// 20006: the MessageHeader element by element against ITK-MessageHeader-2 (§4): the obsolete ITK-MessageHeader-1,
/// event, prohibited elements, sender and receiver, timestamp, source.endpoint, response and focus.
/// The handling extension's content is left to the handling rules (10001-10010).
/// </summary>
internal sealed class HeaderStructureRule : IMessageRule
{
    private const string Code = ResponseCodes.HeaderValidationFailure;

    public string Name => "header-structure";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header: { } header } message)
        {
            return;
        }

        if (header.IsObsoleteHeader1)
        {
            context.Report(Code, header.Location, header.Node, "ITK-MessageHeader-1 (ITK3 2.0.0-alpha) is not supported.");
            return;
        }

        CheckEvent(context, header);
        RuleSupport.Prohibit(context, Code, header.Node, header.Location, "destination", "enterer", "author", "responsible", "reason");
        CheckParticipants(context, message, header);
        CheckTimestampAndSource(context, header);
        if (header.IsResponse)
        {
            ResponseStructure.Check(context, message, header);
        }

        CheckFocus(context, message, header);
    }

    private static void CheckEvent(ValidationContext context, ItkHeader header)
    {
        if (RuleSupport.Require(context, Code, header.Node, header.Location, "event") is not { } coding)
        {
            return;
        }

        var location = header.Location + ".event";
        if (header.EventSystem != MessageEvents.System)
        {
            context.Report(Code, location + ".system", coding, "event.system must be the ITK-MessageEvent-2 CodeSystem.");
        }

        RuleSupport.Require(context, Code, coding, location, "code");
        RuleSupport.Require(context, Code, coding, location, "display");
        RuleSupport.Prohibit(context, Code, coding, location, "version", "userSelected");
    }

    private static void CheckParticipants(ValidationContext context, ItkMessage message, ItkHeader header)
    {
        if (RuleSupport.Require(context, Code, header.Node, header.Location, "sender") is { } sender)
        {
            var resolved = message.Sender;
            if (resolved is null && ExternalParticipant.TryParse(header.SenderReference, out _))
            {
                // Tolerated: a directory URL such as https://directory.spineservices.nhs.uk/STU3/Organization/X26 (EMS example).
            }
            else if (resolved is null || resolved.ResourceType is not ("Organization" or "Practitioner"))
            {
                context.Report(Code, header.Location + ".sender", sender, "sender must reference an Organization or Practitioner entry.");
            }
            else if (context.Profile.StrictHeaderParticipants)
            {
                ParticipantStructure.Check(context, resolved);
            }
        }

        if (header.Node.Child("receiver") is { } receiver && header.ReceiverReference is null)
        {
            context.Report(Code, header.Location + ".receiver", receiver, "receiver.reference is required (1..1).");
        }
        else if (message.Receiver is { ResourceType: not ("Organization" or "Practitioner") })
        {
            context.Report(Code, header.Location + ".receiver", header.Node.Child("receiver"), "receiver must reference an Organization or Practitioner.");
        }
        else if (message.Receiver is { } resolvedReceiver && context.Profile.StrictHeaderParticipants)
        {
            ParticipantStructure.Check(context, resolvedReceiver);
        }
    }

    private static void CheckTimestampAndSource(ValidationContext context, ItkHeader header)
    {
        if (RuleSupport.Require(context, Code, header.Node, header.Location, "timestamp") is { } timestamp
            && !PrimitiveLexicon.IsValid("instant", timestamp.Value ?? string.Empty))
        {
            context.Report(Code, header.Location + ".timestamp", timestamp, "timestamp must be an instant.");
        }

        if (RuleSupport.Require(context, Code, header.Node, header.Location, "source") is { } source)
        {
            var location = header.Location + ".source";
            RuleSupport.Require(context, Code, source, location, "endpoint");
            RuleSupport.Prohibit(context, Code, source, location, "name", "software", "version", "contact");
        }
    }

    private static void CheckFocus(ValidationContext context, ItkMessage message, ItkHeader header)
    {
        var focus = header.Node.Child("focus");
        if (focus is null)
        {
            if (!header.IsResponse)
            {
                context.Report(Code, header.Location + ".focus", header.Node, "A payload message must point at its payload with focus.");
            }

            return;
        }

        if (message.Payload is null)
        {
            context.Report(Code, header.Location + ".focus", focus, "focus does not resolve to an entry of the bundle.");
        }
    }
}
