using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10009 when the content cannot be read as FHIR at all; 20015 when reading stopped at the size limit.</summary>
internal sealed class UnreadableRule : IMessageRule
{
    public string Name => "unreadable";

    public void Check(ValidationContext context)
    {
        var read = context.Read;
        if (read.Parse is null && read.Message is null)
        {
            context.Report(ResponseCodes.Unreadable, RuleSupport.Document, SourcePosition.None, "The content is neither XML nor JSON.");
            return;
        }

        if (read.Issues.FirstOrDefault(i => i.Code == FhirIssues.InputTooLarge.Code) is { } tooLarge)
        {
            context.Report(ResponseCodes.MessageTooLarge, tooLarge.Location, tooLarge.Position, "The message exceeds the size this receiver processes.");
            return;
        }

        if (read.Issues.FirstOrDefault(i => i.Severity == IssueSeverity.Fatal) is { } fatal)
        {
            context.Report(ResponseCodes.Unreadable, fatal.Location, fatal.Position, $"The message could not be read ({fatal.Code}).");
            return;
        }

        if (read.Message is null || !read.Message.Root.IsResource)
        {
            context.Report(ResponseCodes.Unreadable, RuleSupport.Document, SourcePosition.None, "The content holds no FHIR resource.");
        }
    }
}
