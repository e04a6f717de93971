using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>
/// 20014 (R43): a replacement document (Composition.relatesTo code <c>replaces</c>) that cannot be processed: it names no
/// target; it replaces a received document of another patient; or it replaces one never received where the flow
/// requires the original (<see cref="ReceiverFlow.ReplacementRequiresOriginal"/>).
/// </summary>
internal sealed class ReplacementRule : IMessageRule
{
    public string Name => "replacement";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header.IsResponse: false, Payload: { } payload } message || DocumentFacts.Of(message) is not { Replaces.Count: > 0 } facts)
        {
            return;
        }

        var location = payload.Location + ".ofType(Bundle).entry[0].resource.ofType(Composition).relatesTo";
        var node = payload.Resource!.Child("entry")?.Child("resource")?.Child("relatesTo");
        foreach (var target in facts.Replaces)
        {
            var problem = Judge(context, facts, target);
            if (problem is not null)
            {
                context.Report(ResponseCodes.ReplacementDocumentFailure, location, node, problem);
                return;
            }
        }
    }

    private static string? Judge(ValidationContext context, DocumentFacts facts, string target)
    {
        if (target.Length == 0)
        {
            return "The replacement names no document (relatesTo.targetIdentifier or targetReference).";
        }

        var original = context.History.FindDocument(target);
        if (original is null)
        {
            return context.Flow?.ReplacementRequiresOriginal == true ? "The replaced document was never received here." : null;
        }

        return original.PatientKey is not null && facts.PatientKey is not null && original.PatientKey != facts.PatientKey
            ? "The replaced document is about another patient."
            : null;
    }
}
