using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10007: SenderReference not a non-empty string of at most 255 characters.</summary>
internal sealed class SenderReferenceRule() : HandlingKeyRule("SenderReference", ResponseCodes.SenderReferenceError)
{
    protected override void CheckKey(ValidationContext context, ItkHeader header, ItkHandling handling, ElementNode node, string location)
    {
        if (handling.SenderReference is not { Length: > 0 and <= Responses.ResponseFactory.MaxSenderReferenceLength } value || string.IsNullOrWhiteSpace(value))
        {
            context.Report(ResponseCodes.SenderReferenceError, location, node, "SenderReference must be valueString of 1 to 255 characters.");
        }
    }
}
