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

        if (context.Findings.Count > 0 || !CheckDocumentness(context, message))
        {
            return;
        }

        CheckNhsNumbers(context, message);
        if (message.Payload is not { Resource: { ResourceType: "Bundle" } bundle } payload)
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

    // Document-ness per flow, and one document per message (R11, FHIR-PAY-01).
    private static bool CheckDocumentness(ValidationContext context, ItkMessage message)
    {
        var documents = message.PayloadEntries.Where(e => e.Resource is { ResourceType: "Bundle" } b && b.ChildValue("type") == "document").ToList();
        if (documents.Count > 1)
        {
            context.Report(Code, documents[1].Location, documents[1].Resource, "A message carries one document only (FHIR-PAY-01).");
            return false;
        }

        if (context.Flow is not { Payload: PayloadRequirement.Document } || message.Payload is { Resource: { ResourceType: "Bundle" } p } && p.ChildValue("type") == "document")
        {
            return true;
        }

        var location = message.Payload?.Location ?? message.Header!.Location + ".focus";
        var what = message.Payload?.Resource is { ResourceType: "Bundle" } b2 && b2.ChildValue("type") == "collection"
            ? "A collection Bundle is not a document; this flow requires an ITK-Document-Bundle-1."
            : "This flow requires an ITK-Document-Bundle-1 payload.";
        context.Report(Code, location, message.Payload?.Resource, what);
        return false;
    }

    // Every NHS number in the payload passes the Modulus 11 check; the number itself is never echoed (R45).
    private static void CheckNhsNumbers(ValidationContext context, ItkMessage message)
    {
        foreach (var entry in message.PayloadEntries.Where(e => e.Resource is not null))
        {
            RuleSupport.Walk(entry.Resource!, node =>
            {
                if (node.Name == "identifier" && node.ChildValue("system") == ItkUrls.NhsNumberSystem && !NhsNumber.IsValid(node.ChildValue("value")))
                {
                    context.Report(Code, entry.Location, node, "An NHS number is not ten digits with a valid Modulus 11 check digit.");
                }

                return true;
            });
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
