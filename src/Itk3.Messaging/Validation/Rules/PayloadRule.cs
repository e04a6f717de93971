using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>
/// 20009: payload content errors found while reading, an inner bundle of a type ITK-Payload-Bundle-1 does not allow,
/// and the document rules for ITK-Document-Bundle-1 (<see cref="DocumentRules"/>).
/// </summary>
internal sealed class PayloadRule : IMessageRule
{
    private const string Code = ResponseCodes.PayloadValidationFailure;

    private static readonly string[] PayloadBundleTypes =
        ["document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"];

    public string Name => "payload";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header.IsResponse: false } message)
        {
            return;
        }

        foreach (var issue in context.Read.Issues.Where(i => i.IsError && RuleSupport.IsPayloadLocation(message, i.Location)))
        {
            context.Report(Code, issue.Location, issue.Position, $"The payload is not valid FHIR ({issue.Code}).");
        }

        if (context.Findings.Count > 0 || message.Payload is not { Resource: { ResourceType: "Bundle" } bundle } payload)
        {
            return;
        }

        var location = payload.Location + ".ofType(Bundle)";
        var type = bundle.ChildValue("type");
        if (type == "document")
        {
            DocumentRules.Check(context, bundle, location);
        }
        else if (!PayloadBundleTypes.Contains(type))
        {
            context.Report(Code, location + ".type", bundle.Child("type") ?? bundle, "The payload bundle type is not one ITK-Payload-Bundle-1 allows.");
        }
        else
        {
            CheckEntries(context, bundle, location);
        }
    }

    internal static void CheckEntries(ValidationContext context, ElementNode bundle, string location)
    {
        var index = 0;
        foreach (var entry in bundle.ChildrenNamed("entry"))
        {
            if (entry.Child("resource") is null)
            {
                context.Report(Code, $"{location}.entry[{index}].resource", entry, "Every payload entry must hold a resource.");
            }

            index++;
        }
    }
}
