using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20006: the outer bundle against ITK-Message-Bundle-1 (type, identifier, prohibited elements, entries, header first) and header-region parse errors.</summary>
internal sealed class BundleStructureRule : IMessageRule
{
    private const string Code = ResponseCodes.HeaderValidationFailure;

    public string Name => "bundle-structure";

    public void Check(ValidationContext context)
    {
        var message = context.Message!;
        var root = message.Root;
        if (!message.IsBundle)
        {
            context.Report(Code, root.Name, root, "The message is not a Bundle.");
            return;
        }

        if (message.BundleType != "message")
        {
            context.Report(Code, "Bundle.type", root.Child("type") ?? root, "Bundle.type must be 'message'.");
        }

        if (message.IdentifierValue is null)
        {
            context.Report(Code, "Bundle.identifier", root, "Bundle.identifier with a value is required (1..1).");
        }

        RuleSupport.Prohibit(context, Code, root, "Bundle", "total", "link", "signature");
        CheckEntries(context);
        // Parse errors inside the handling extension belong to the handling rules (10001-10010), not to 20006.
        var handling = message.Header is { } header ? RuleSupport.HandlingParseLocation(header) : null;
        foreach (var issue in context.Read.Issues.Where(i => i.IsError && !RuleSupport.IsPayloadLocation(message, i.Location) && !RuleSupport.IsUnder(i.Location, handling)))
        {
            context.Report(Code, issue.Location, issue.Position, $"The header content is not valid FHIR ({issue.Code}).");
        }
    }

    private static void CheckEntries(ValidationContext context)
    {
        var message = context.Message!;
        if (message.Entries.Count == 0)
        {
            context.Report(Code, "Bundle.entry", message.Root, "The bundle has no entries.");
            return;
        }

        if (message.HeaderEntry is null)
        {
            context.Report(Code, "Bundle.entry[0]", message.Root, "The bundle has no MessageHeader.");
        }
        else if (!message.HeaderIsFirst)
        {
            context.Report(Code, message.HeaderEntry.Location, message.HeaderEntry.Resource, "The MessageHeader must be the first entry.");
        }

        var fullUrls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, node) in message.Entries.Zip(message.Root.ChildrenNamed("entry")))
        {
            var location = $"Bundle.entry[{entry.Index}]";
            // bdl-7: fullUrl is unique unless the entries are different versions of one resource.
            if (entry.FullUrl is { } fullUrl && !fullUrls.Add(fullUrl + "|" + entry.Resource?.Select("meta.versionId")?.Value))
            {
                context.Report(Code, location + ".fullUrl", node, "Two entries have the same fullUrl, so references are ambiguous.");
            }

            if (entry.Resource is null)
            {
                context.Report(Code, location + ".resource", node, "Every entry must hold a resource.");
            }

            RuleSupport.Prohibit(context, Code, node, location, "link", "search", "request", "response");
        }
    }
}
