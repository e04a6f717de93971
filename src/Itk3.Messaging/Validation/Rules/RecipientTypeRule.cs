using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10010: RecipientType not a coding of ITK-RecipientType-1 (FA or FI) with a display.</summary>
internal sealed class RecipientTypeRule() : HandlingKeyRule("RecipientType", ResponseCodes.RecipientTypeError)
{
    protected override void CheckKey(ValidationContext context, ItkHeader header, ItkHandling handling, ElementNode node, string location)
    {
        var coding = node.Child("valueCoding");
        if (coding is null
            || coding.ChildValue("system") != RecipientTypes.System
            || !RecipientTypes.TryGet(coding.ChildValue("code"), out _)
            || coding.ChildValue("display") is null)
        {
            context.Report(ResponseCodes.RecipientTypeError, location, node, "RecipientType must be FA or FI from ITK-RecipientType-1, with a display.");
        }
    }
}
