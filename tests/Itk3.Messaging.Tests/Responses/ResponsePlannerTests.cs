using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;
using static Itk3.Messaging.Tests.Support.TreeEdit;

namespace Itk3.Messaging.Tests.Responses;

public sealed class ResponsePlannerTests
{
    private static readonly ResponsePlanner Planner = new(new ResponsePolicy());

    private static ValidationResult Validate(ElementNode bundle, ReceiverProfile? profile = null) =>
        new MessageValidator(profile ?? ReceiverProfile.Permissive).Validate(bundle);

    private static ElementNode Message(bool inf, bool bus) => Builder().Build(Draft(inf, bus)).Bundle;

    private static string[] Codes(ResponsePlan plan) => [.. plan.Responses.Select(r => r.Code.Code)];

    [Fact]
    public void Full_acknowledgement_sends_20013_then_the_business_response_requesting_an_inf_ack()
    {
        var plan = Planner.Plan(Validate(Message(true, true)), ResponseCodes.Get("30001"));
        Assert.Equal(["20013", "30001"], Codes(plan));
        Assert.True(plan.Responses[1].InfAckRequested);
        Assert.False(plan.Responses[0].InfAckRequested);
        Assert.True(plan.ProcessingEnds);
    }

    [Fact]
    public void Technical_and_business_policy_sends_the_business_response_without_an_inf_ack_request()
    {
        var plan = new ResponsePlanner(new ResponsePolicy { BusinessResponseRequestsInfAck = false }).Plan(Validate(Message(true, true)), ResponseCodes.Get("30002"));
        Assert.Equal(["20013", "30002"], Codes(plan));
        Assert.False(plan.Responses[1].InfAckRequested);
    }

    [Fact]
    public void Before_the_business_outcome_is_known_only_20013_is_sent_and_the_business_response_awaited()
    {
        var plan = Planner.Plan(Validate(Message(true, true)));
        Assert.Equal(["20013"], Codes(plan));
        Assert.True(plan.AwaitingBusinessOutcome);
        Assert.False(plan.ProcessingEnds);
    }

    [Fact]
    public void A_business_outcome_known_later_gives_the_business_response_alone_when_due()
    {
        Assert.Equal("30002", Planner.PlanBusinessResponse(Validate(Message(true, true)), ResponseCodes.Get("30002"))!.Code.Code);
        Assert.Null(Planner.PlanBusinessResponse(Validate(Message(true, false)), ResponseCodes.Get("30002")));
        Assert.Null(Planner.PlanBusinessResponse(Validate(Set(Message(true, true), P("type", "collection"))), ResponseCodes.Get("30001")));
    }

    [Fact]
    public void A_negative_infrastructure_response_ends_processing_with_no_business_response()
    {
        var plan = Planner.Plan(Validate(Set(Message(true, true), P("type", "collection"))), ResponseCodes.Get("30001"));
        Assert.Equal(["20006"], Codes(plan));
        Assert.True(plan.ProcessingEnds);
    }

    [Fact]
    public void Technical_only_sends_20013_and_ignores_a_business_outcome()
    {
        var plan = Planner.Plan(Validate(Message(true, false)), ResponseCodes.Get("30001"));
        Assert.Equal(["20013"], Codes(plan));
        Assert.Equal(ResponsePattern.TechnicalOnly, plan.Pattern);
    }

    [Fact]
    public void Fire_and_forget_sends_nothing_even_on_failure_by_default()
    {
        Assert.Empty(Planner.Plan(Validate(Message(false, false))).Responses);
        Assert.Empty(Planner.Plan(Validate(Set(Message(false, false), P("type", "collection")))).Responses);
        var reporting = new ResponsePlanner(new ResponsePolicy { ReportFailuresInFireAndForget = true });
        Assert.Equal(["20006"], Codes(reporting.Plan(Validate(Set(Message(false, false), P("type", "collection"))))));
    }

    [Fact]
    public void Business_only_flags_send_the_business_response_alone_and_report_failures_by_default()
    {
        Assert.Equal(["30001"], Codes(Planner.Plan(Validate(Message(false, true)), ResponseCodes.Get("30001"))));
        var failed = Validate(Set(Message(false, true), P("type", "collection")));
        Assert.Equal(["20006"], Codes(Planner.Plan(failed)));
        Assert.Empty(new ResponsePlanner(new ResponsePolicy { ReportFailuresWithoutInfAck = false }).Plan(failed).Responses);
    }

    [Fact]
    public void Unreadable_flags_are_always_answered()
    {
        var unreadableFlag = KeyValue(Message(false, false), "InfAckRequested", P("valueBoolean", "maybe"));
        var plan = Planner.Plan(Validate(unreadableFlag));
        Assert.Equal(["10002"], Codes(plan));
        Assert.Equal(ResponsePattern.Undetermined, plan.Pattern);
        Assert.Equal(["10001"], Codes(Planner.Plan(Validate(RemoveKey(Message(false, false), "InfAckRequested")))));
    }

    [Fact]
    public void A_10008_is_sent_even_when_no_inf_ack_was_requested_unless_configured_otherwise()
    {
        var profile = new ReceiverProfile { FlowRules = [new FlowRule { Key = "InfAckRequested", MustBe = true }] };
        var result = Validate(Message(false, true), profile);
        Assert.Equal(["10008"], Codes(Planner.Plan(result)));
        var quiet = new ResponsePlanner(new ResponsePolicy { AlwaysSend10008 = false, ReportFailuresWithoutInfAck = false });
        Assert.Empty(quiet.Plan(result).Responses);
    }

    [Fact]
    public void A_defective_received_response_is_not_answered_unless_it_asked_for_an_inf_ack()
    {
        var original = new Itk3.Messaging.Reading.ItkMessage(Message(true, true));
        var response = ResponseFactory().CreateFor(original, "30001").Bundle;
        var undetermined = Validate(RemoveKey(response, "InfAckRequested"));
        var defective = Validate(Set(response, P("type", "collection")));

        Assert.Equal("10001", undetermined.Outcome.Code);
        Assert.Empty(Planner.Plan(undetermined).Responses);
        Assert.Empty(Planner.Plan(defective).Responses);
        Assert.Equal(["10001"], Codes(new ResponsePlanner(new ResponsePolicy { AnswerResponsesWithUndeterminedFlags = true }).Plan(undetermined)));
        var askingForAck = Validate(Set(ResponseFactory().CreateFor(original, "30001", requestInfAck: true).Bundle, P("type", "collection")));
        Assert.Equal(["20006"], Codes(Planner.Plan(askingForAck)));
    }

    [Fact]
    public void Flow_rules_without_an_event_do_not_apply_to_responses()
    {
        var profile = new ReceiverProfile { FlowRules = [new FlowRule { Key = "InfAckRequested", MustBe = true }] };
        var response = ResponseFactory().CreateFor(new Itk3.Messaging.Reading.ItkMessage(Message(true, true)), "20013").Bundle;
        Assert.Equal("20013", Validate(response, profile).Outcome.Code);
    }

    [Fact]
    public void Rejects_an_infrastructure_code_as_business_outcome() =>
        Assert.Throws<ArgumentException>(() => Planner.Plan(Validate(Message(true, true)), ResponseCodes.Get("20013")));

    [Fact]
    public void A_received_business_response_requesting_an_inf_ack_is_answered_with_20013()
    {
        var original = new Itk3.Messaging.Reading.ItkMessage(Message(true, true));
        var business = ResponseFactory().CreateFor(original, "30001", requestInfAck: true).Bundle;
        Assert.Equal(["20013"], Codes(Planner.Plan(Validate(business))));
        var noAck = ResponseFactory().CreateFor(original, "30001").Bundle;
        Assert.Empty(Planner.Plan(Validate(noAck)).Responses);
    }
}
