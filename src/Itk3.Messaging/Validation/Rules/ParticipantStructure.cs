using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20006: header participants against CareConnect-ITK-Header-Organization-1 / -Practitioner-1 (§6).</summary>
internal static class ParticipantStructure
{
    private const string Code = ResponseCodes.HeaderValidationFailure;

    public static void Check(ValidationContext context, ItkEntry entry)
    {
        var node = entry.Resource!;
        var location = $"{entry.Location}.ofType({entry.ResourceType})";
        if (entry.ResourceType == "Organization")
        {
            RuleSupport.Prohibit(context, Code, node, location, "active", "type", "name", "alias", "telecom", "address", "partOf", "contact", "endpoint");
        }
        else
        {
            RuleSupport.Prohibit(context, Code, node, location, "telecom", "address", "gender", "birthDate", "photo", "qualification", "communication");
        }

        foreach (var identifier in node.ChildrenNamed("identifier"))
        {
            if (identifier.ChildValue("value") is null)
            {
                context.Report(Code, location + ".identifier", identifier, "identifier.value is required (1..1).");
            }
        }
    }
}
