using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10001 for what no specific handling code covers: a parse error in the handling extension outside the five keys with their own code (LocalExtension, extra keys).</summary>
internal sealed class HandlingResidualRule : IMessageRule
{
    private static readonly string[] SpecificKeys = ["InfAckRequested", "BusAckRequested", "RecipientType", "MessageDefinition", "SenderReference"];

    public string Name => "handling-residual";

    public void Check(ValidationContext context)
    {
        if (context.Message?.Header is not { Handling: { } handling } header)
        {
            return;
        }

        var specific = SpecificKeys.Select(handling.Key).OfType<Itk3.Fhir.ElementModel.ElementNode>().Select(k => RuleSupport.KeyParseLocation(header, k)).ToList();
        var prefix = RuleSupport.HandlingParseLocation(header);
        var issue = context.Read.Issues.FirstOrDefault(i => i.IsError && RuleSupport.IsUnder(i.Location, prefix) && !specific.Any(s => RuleSupport.IsUnder(i.Location, s)));
        if (issue is not null)
        {
            context.Report(ResponseCodes.HandlingSpecificationError, RuleSupport.HandlingLocation(header), issue.Position, $"The handling specification could not be read ({issue.Code}).");
        }
    }
}
