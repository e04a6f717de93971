using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10010: RecipientType not a coding of ITK-RecipientType-1 (FA or FI) with a display.</summary>
internal sealed class RecipientTypeRule : IMessageRule
{
    public string Name => "handling-RecipientType";

    public void Check(ValidationContext context)
    {
        if (context.Message?.Header is not { Handling: { } handling } header || handling.Key("RecipientType") is not { } node)
        {
            return;
        }

        var coding = node.Child("valueCoding");
        if (coding is null
            || coding.ChildValue("system") != RecipientTypes.System
            || !RecipientTypes.TryGet(coding.ChildValue("code"), out _)
            || coding.ChildValue("display") is null)
        {
            context.Report(ResponseCodes.RecipientTypeError, RuleSupport.KeyLocation(header, "RecipientType"), node, "RecipientType must be FA or FI from ITK-RecipientType-1, with a display.");
        }
    }
}
