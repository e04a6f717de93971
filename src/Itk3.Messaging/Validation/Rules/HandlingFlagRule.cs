using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10002 (InfAckRequested) or 10003 (BusAckRequested): the flag present but not a readable boolean.</summary>
internal sealed class HandlingFlagRule(string key, string code) : HandlingKeyRule(key, code)
{
    protected override void CheckKey(ValidationContext context, ItkHeader header, ItkHandling handling, ElementNode node, string location)
    {
        if (node.ChildValue("valueBoolean") is not ("true" or "false"))
        {
            context.Report(Code, location, node, $"{Key} must carry valueBoolean true or false.");
        }
    }
}
