using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20014: a replacement document (Composition.relatesTo code <c>replaces</c>) whose target cannot be replaced (R43).</summary>
internal sealed class ReplacementRule : IMessageRule
{
    public string Name => "replacement";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header.IsResponse: false, Payload: { Resource: { ResourceType: "Bundle" } document } payload })
        {
            return;
        }

        var composition = document.Child("entry")?.Child("resource");
        if (composition?.ResourceType != "Composition")
        {
            return;
        }

        foreach (var relatesTo in composition.ChildrenNamed("relatesTo").Where(r => r.ChildValue("code") == "replaces"))
        {
            var target = relatesTo.Select("targetIdentifier.value")?.Value ?? relatesTo.Select("targetReference.reference")?.Value;
            if (target is null || !context.History.CanReplace(target))
            {
                context.Report(ResponseCodes.ReplacementDocumentFailure, payload.Location + ".ofType(Bundle).entry[0].resource.ofType(Composition).relatesTo", relatesTo, "The replacement document cannot be processed.");
                return;
            }
        }
    }
}
