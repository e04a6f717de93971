using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20012: a sender this receiver is configured to reject; 20003: with the allow-list on, a sender it does not know. Never with MESH GP look-up (R42).</summary>
internal sealed class SenderRule : IMessageRule
{
    public string Name => "sender";

    public void Check(ValidationContext context)
    {
        var settings = context.Profile.SendersFor(context.Message?.Header?.EventCode);
        if (settings.MeshGpLookup || context.Message is not { Header: { } header } message)
        {
            return;
        }

        var identifiers = message.Sender is { } sender ? RuleSupport.IdentifierValues(sender.Resource)
            : ExternalParticipant.TryParse(header.SenderReference, out var external) ? [external] : [];
        var location = header.Location + ".sender";
        if (identifiers.Any(settings.Blocked.Contains))
        {
            context.Report(ResponseCodes.UnauthorisedSender, location, header.Node.Child("sender"), "This receiver does not accept messages from the sender.");
        }
        else if (settings.AllowListEnabled && !identifiers.Any(settings.Known.Contains))
        {
            context.Report(ResponseCodes.UnrecognisedSender, location, header.Node.Child("sender"), "The sender is not recognised by this receiver.");
        }
    }
}
