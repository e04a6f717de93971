using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10008: a handling flag contradicts the payload specification (the receiver profile's flow rules). Rules without an event do not apply to ITK3 Responses.</summary>
internal sealed class FlowRulesRule : IMessageRule
{
    public string Name => "handling-flow-rules";

    public void Check(ValidationContext context)
    {
        if (context.Message?.Header is not { Handling: { } handling } header)
        {
            return;
        }

        var applicable = context.Profile.FlowRules.Where(r => (r.Event == header.EventCode || (r.Event is null && !header.IsResponse)) && r.Key is "InfAckRequested" or "BusAckRequested").ToList();
        if (!header.IsResponse && context.Flow is { } flow)
        {
            if (flow.RequiredInfAck is { } inf)
            {
                applicable.Add(new FlowRule { Event = flow.Event, Key = "InfAckRequested", MustBe = inf });
            }

            if (flow.RequiredBusAck is { } bus)
            {
                applicable.Add(new FlowRule { Event = flow.Event, Key = "BusAckRequested", MustBe = bus });
            }
        }

        foreach (var rule in applicable)
        {
            var value = rule.Key switch
            {
                "InfAckRequested" => handling.InfAckRequested,
                "BusAckRequested" => handling.BusAckRequested,
                _ => handling.BusAckRequested,
            };
            if (value != rule.MustBe)
            {
                var expected = rule.MustBe ? "true" : "false";
                context.Report(ResponseCodes.HandlingBusinessRuleError, RuleSupport.KeyLocation(header, rule.Key), handling.Key(rule.Key) ?? handling.Extension, $"The payload specification requires {rule.Key} to be {expected}.");
                return;
            }
        }
    }
}
