using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10007: SenderReference not a non-empty string of at most 255 characters.</summary>
internal sealed class SenderReferenceRule : IMessageRule
{
    public string Name => "handling-SenderReference";

    public void Check(ValidationContext context)
    {
        if (context.Message?.Header is not { Handling: { } handling } header || handling.Key("SenderReference") is not { } node)
        {
            return;
        }

        if (handling.SenderReference is not { Length: > 0 and <= Responses.ResponseFactory.MaxSenderReferenceLength } value || string.IsNullOrWhiteSpace(value))
        {
            context.Report(ResponseCodes.SenderReferenceError, RuleSupport.KeyLocation(header, "SenderReference"), node, "SenderReference must be valueString of 1 to 255 characters.");
        }
    }
}
