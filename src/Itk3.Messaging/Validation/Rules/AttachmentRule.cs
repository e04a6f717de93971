using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20004: an attachment (Binary or Attachment contentType) of a type not approved for the domain; 20005: approved but not supported here.</summary>
internal sealed class AttachmentRule : IMessageRule
{
    public string Name => "attachments";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header.IsResponse: false } message)
        {
            return;
        }

        var settings = context.Profile.Attachments;
        foreach (var entry in message.PayloadEntries.Where(e => e.Resource is not null))
        {
            foreach (var node in RuleSupport.Descendants(entry.Resource!))
            {
                if (node.Child("contentType") is not { Value: { } raw } contentType)
                {
                    continue;
                }

                var type = raw.Split(';')[0].Trim().ToLowerInvariant();
                if (settings.Approved.Count > 0 && !settings.Approved.Contains(type))
                {
                    context.Report(ResponseCodes.NonApprovedAttachment, entry.Location, contentType, "An attachment type is not approved for this domain.");
                    return;
                }

                if (settings.Supported.Count > 0 && !settings.Supported.Contains(type))
                {
                    context.Report(ResponseCodes.UnsupportedAttachment, entry.Location, contentType, "An attachment type is not supported by this receiver.");
                    return;
                }
            }
        }
    }
}
