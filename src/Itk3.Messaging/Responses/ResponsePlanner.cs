using Itk3.Messaging.Codes;
using Itk3.Messaging.Validation;

namespace Itk3.Messaging.Responses;

/// <summary>
/// Decides which responses a receiver sends for a received message (§10.1): unreadable flags are always answered;
/// a negative response ends processing; at most one response per level; a business response only when requested.
/// The undefined combinations (§19 items 3, 13, 14) follow the <see cref="ResponsePolicy"/>. A received ITK3 Response
/// is answered only when it asks for an infrastructure response (Full Acknowledgement), so defects never cause loops.
/// </summary>
public sealed class ResponsePlanner
{
    private readonly ResponsePolicy _policy;
    private readonly ReceiverProfile? _profile;

    /// <summary>A planner with one policy for every message.</summary>
    public ResponsePlanner(ResponsePolicy policy) => _policy = policy;

    /// <summary>A planner that takes the policy of each message's flow from a profile (v2 flows set the pattern).</summary>
    public ResponsePlanner(ReceiverProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _policy = profile.Responses;
        _profile = profile;
    }

    /// <summary>Plans the responses for a validation result and, once known, the business outcome (a 3xxxx code).</summary>
    public ResponsePlan Plan(ValidationResult validation, ResponseCode? businessOutcome = null)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (businessOutcome is not null && (businessOutcome.Level != ResponseLevel.Business || businessOutcome.IsWithdrawn))
        {
            throw new ArgumentException("The business outcome must be a business-level (3xxxx) code.", nameof(businessOutcome));
        }

        var policy = _profile?.PolicyFor(validation.Message?.Header?.EventCode) ?? _policy;
        var handling = validation.Message?.Header?.Handling;
        var inf = validation.IsUnreadable ? null : handling?.InfAckRequested;
        var bus = validation.IsUnreadable ? null : handling?.BusAckRequested;
        var pattern = PatternOf(inf, bus);
        if (!validation.IsAccepted)
        {
            var isResponse = !validation.IsUnreadable && validation.Message?.Header is { IsResponse: true };
            var send = ShouldReportFailure(policy, validation.Outcome, inf, bus, isResponse);
            return new ResponsePlan(send ? [new PlannedResponse(validation.Outcome, false)] : [], true, false) { Pattern = pattern };
        }

        var responses = new List<PlannedResponse>(2);
        if (inf == true)
        {
            responses.Add(new PlannedResponse(validation.Outcome, false));
        }

        var awaiting = bus == true && businessOutcome is null;
        if (bus == true && businessOutcome is not null)
        {
            responses.Add(new PlannedResponse(businessOutcome, policy.BusinessResponseRequestsInfAck));
        }

        return new ResponsePlan(responses, !awaiting, awaiting) { Pattern = pattern };
    }

    /// <summary>
    /// The business response alone, for an outcome known after the infrastructure response went out; null when none
    /// is due (not requested, or the message was rejected).
    /// </summary>
    public PlannedResponse? PlanBusinessResponse(ValidationResult validation, ResponseCode businessOutcome)
    {
        var plan = Plan(validation, businessOutcome);
        return plan.Responses.FirstOrDefault(r => r.Level == ResponseLevel.Business);
    }

    /// <summary>The pattern selected by the flags; <see cref="ResponsePattern.Undetermined"/> when either is unknown.</summary>
    public static ResponsePattern PatternOf(bool? inf, bool? bus) => (inf, bus) switch
    {
        (true, true) => ResponsePattern.TechnicalAndBusiness,
        (true, false) => ResponsePattern.TechnicalOnly,
        (false, true) => ResponsePattern.BusinessOnly,
        (false, false) => ResponsePattern.FireAndForget,
        _ => ResponsePattern.Undetermined,
    };

    private static bool ShouldReportFailure(ResponsePolicy policy, ResponseCode outcome, bool? inf, bool? bus, bool isResponse)
    {
        // A handling key missing (10001) or present but unreadable (10002/10003): the flags cannot be determined (R41).
        var undetermined = inf is null || bus is null || outcome.Code is ResponseCodes.HandlingSpecificationError or ResponseCodes.InfAckValueError or ResponseCodes.BusAckValueError;
        if (isResponse && inf != true)
        {
            return undetermined && policy.AnswerResponsesWithUndeterminedFlags;
        }

        if (undetermined || inf == true || outcome.Code == ResponseCodes.Unreadable)
        {
            return true;
        }

        if (outcome.Code == ResponseCodes.HandlingBusinessRuleError && policy.AlwaysSend10008)
        {
            return true;
        }

        return bus == true ? policy.ReportFailuresWithoutInfAck : policy.ReportFailuresInFireAndForget;
    }
}
