using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20015: the message is larger than the receiver's limit (5 MB recommended, R44).</summary>
internal sealed class SizeRule : IMessageRule
{
    public string Name => "size";

    public void Check(ValidationContext context)
    {
        if (context.Read.SizeInBytes > context.Profile.MaxMessageBytes)
        {
            context.Report(ResponseCodes.MessageTooLarge, RuleSupport.Document, SourcePosition.None, "The message exceeds the size this receiver processes.");
        }
    }
}
