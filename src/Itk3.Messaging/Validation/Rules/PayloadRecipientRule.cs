using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20010/20011: a recipient organisation or person named in the payload is not served here.</summary>
internal sealed class PayloadRecipientRule : IMessageRule
{
    public string Name => "payload-recipient";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header.IsResponse: false, Payload: { } payload } message)
        {
            return;
        }

        var settings = context.Flow?.PayloadRecipients ?? context.Profile.PayloadRecipients;
        var extractor = context.Flow?.Recipients is { Kind: RecipientExtractorSettings.GeneralPractitioner } configured && context.PayloadRecipients is NoPayloadRecipients
            ? new GeneralPractitionerRecipients(configured)
            : context.PayloadRecipients;
        foreach (var recipient in extractor.Extract(message, payload))
        {
            if (recipient.Kind == ParticipantKind.Organization && settings.Organizations.Count > 0
                && recipient.Identifier != RecipientSettings.PlaceholderGpOdsCode && !settings.Organizations.Contains(recipient.Identifier))
            {
                context.Report(ResponseCodes.UnrecognisedPayloadRecipientOrganisation, recipient.Location, payload.Resource, "A recipient organisation named in the payload is not served by this endpoint.");
                return;
            }

            if (recipient.Kind == ParticipantKind.Practitioner && settings.People.Count > 0 && !settings.People.Contains(recipient.Identifier))
            {
                context.Report(ResponseCodes.UnrecognisedPayloadRecipientPerson, recipient.Location, payload.Resource, "A recipient person named in the payload is not served by this endpoint.");
                return;
            }
        }
    }
}
