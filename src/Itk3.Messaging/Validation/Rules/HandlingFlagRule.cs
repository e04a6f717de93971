namespace Itk3.Messaging.Validation.Rules;

/// <summary>10002 (InfAckRequested) or 10003 (BusAckRequested): the flag present but not a readable boolean.</summary>
internal sealed class HandlingFlagRule(string key, string code) : IMessageRule
{
    public string Name => "handling-" + key;

    public void Check(ValidationContext context)
    {
        if (context.Message?.Header is not { Handling: { } handling } header || handling.Key(key) is not { } node)
        {
            return;
        }

        if (node.ChildValue("valueBoolean") is not ("true" or "false"))
        {
            context.Report(code, RuleSupport.KeyLocation(header, key), node, $"{key} must carry valueBoolean true or false.");
        }
    }
}
