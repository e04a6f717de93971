using Itk3.Fhir.ElementModel;
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

        var settings = context.Flow?.Attachments ?? context.Profile.Attachments;
        foreach (var entry in message.PayloadEntries.Where(e => e.Resource is not null))
        {
            var reported = false;
            RuleSupport.Walk(entry.Resource!, node =>
            {
                if (!reported && node.Children.Count > 0 && RuleSupport.FindChild(node, "contentType") is { Value: { } raw } contentType)
                {
                    reported = Check(context, settings, entry.Location, contentType, raw);
                }

                return !reported;
            });
            if (reported)
            {
                return;
            }
        }
    }

    private static bool Check(ValidationContext context, AttachmentSettings settings, string location, ElementNode contentType, string raw)
    {
        var type = raw.Split(';')[0].Trim().ToLowerInvariant();
        if (settings.Approved.Count > 0 && !settings.Approved.Contains(type))
        {
            context.Report(ResponseCodes.NonApprovedAttachment, location, contentType, "An attachment type is not approved for this domain.");
            return true;
        }

        if (settings.Supported.Count > 0 && !settings.Supported.Contains(type))
        {
            context.Report(ResponseCodes.UnsupportedAttachment, location, contentType, "An attachment type is not supported by this receiver.");
            return true;
        }

        return false;
    }
}
