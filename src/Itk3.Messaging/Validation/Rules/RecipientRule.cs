using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20002/20001: the header receiver (organisation or person) is not served here. The GP placeholder V81999 is always accepted (R46).</summary>
internal sealed class RecipientRule : IMessageRule
{
    public string Name => "recipient";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header: { } header, Receiver: { Resource: { } receiver } } || header.IsResponse)
        {
            return;
        }

        var settings = context.Profile.Recipients;
        var identifiers = RuleSupport.IdentifierValues(receiver);
        var location = header.Location + ".receiver";
        if (receiver.ResourceType == "Organization" && settings.Organizations.Count > 0
            && !identifiers.Any(i => i == RecipientSettings.PlaceholderGpOdsCode || settings.Organizations.Contains(i)))
        {
            context.Report(ResponseCodes.UnrecognisedRecipientOrganisation, location, header.Node.Child("receiver"), "The receiving organisation is not served by this endpoint.");
        }
        else if (receiver.ResourceType == "Practitioner" && settings.People.Count > 0 && !identifiers.Any(settings.People.Contains))
        {
            context.Report(ResponseCodes.UnrecognisedRecipientPerson, location, header.Node.Child("receiver"), "The receiving person is not served by this endpoint.");
        }
    }
}
