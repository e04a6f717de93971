using Itk3.Gateway.Configuration;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tracking;

/// <summary>The transaction state machine (ITK3 §10.5): what a send, a response, a MESH report or a deadline does to a transaction.</summary>
public static class TransactionProgress
{
    /// <summary>MESH accepted the payload: Sent, with the deadlines of the responses the flow asks for.</summary>
    public static OutboundTransaction Sent(OutboundTransaction t, FlowSettings? flow, string meshMessageId, DateTimeOffset at)
    {
        var inf = flow?.InfAckRequested ?? true;
        var bus = flow?.BusAckRequested ?? true;
        var state = !inf && !bus ? TransactionState.Complete : TransactionState.Sent;
        return t with
        {
            MeshMessageId = meshMessageId,
            State = t.State.IsTerminal() ? t.State : state,
            InfrastructureDueAt = inf ? at + (flow?.InfrastructureTimeout ?? TimeSpan.FromHours(1)) : null,
            BusinessDueAt = bus ? at + (flow?.BusinessTimeout ?? TimeSpan.FromDays(2)) : null,
            UpdatedAt = at,
        };
    }

    /// <summary>Applies every response received so far: a negative one fails it; all expected positive ones complete it.</summary>
    public static OutboundTransaction Responded(OutboundTransaction t, FlowSettings? flow, IReadOnlyList<TransactionResponse> responses, DateTimeOffset at)
    {
        if (t.State.IsTerminal() && t.State != TransactionState.TimedOut)
        {
            return t;
        }

        var negative = responses.FirstOrDefault(r => !r.IsPositive && r.Code != Itk3.Messaging.Codes.ResponseCodes.DuplicateMessage);
        if (negative is not null)
        {
            return t with { State = TransactionState.Failed, FailureCode = negative.Code, FailureDetail = $"negative {negative.Level} response", InfrastructureDueAt = null, BusinessDueAt = null, UpdatedAt = at };
        }

        var hasInf = responses.Any(r => r.Level == ResponseLevel.Infrastructure);
        var hasBus = responses.Any(r => r.Level == ResponseLevel.Business);
        var needInf = flow?.InfAckRequested ?? true;
        var needBus = flow?.BusAckRequested ?? true;
        var done = (!needInf || hasInf) && (!needBus || hasBus);
        var state = done ? TransactionState.Complete : hasInf ? TransactionState.InfrastructureOk : t.State;
        return t with
        {
            State = state,
            InfrastructureDueAt = hasInf || done ? null : t.InfrastructureDueAt,
            BusinessDueAt = hasBus || done ? null : t.BusinessDueAt,
            FailureCode = done ? null : t.FailureCode,
            UpdatedAt = at,
        };
    }

    /// <summary>A MESH report on the payload: a failure report (undelivered, routing error) fails the transaction.</summary>
    public static OutboundTransaction Reported(OutboundTransaction t, bool success, string? code, string? description, DateTimeOffset at) =>
        success || t.State.IsTerminal()
            ? t with { UpdatedAt = at }
            : t with { State = TransactionState.Failed, FailureCode = code ?? "mesh-report", FailureDetail = description, InfrastructureDueAt = null, BusinessDueAt = null, UpdatedAt = at };

    /// <summary>A deadline passed with its response missing: TimedOut (a late positive response can still complete it).</summary>
    public static OutboundTransaction TimedOut(OutboundTransaction t, DateTimeOffset at)
    {
        var level = t.InfrastructureDueAt is { } inf && inf <= at ? "infrastructure" : "business";
        return t with { State = TransactionState.TimedOut, FailureCode = "timeout", FailureDetail = $"no {level} response in time", InfrastructureDueAt = null, BusinessDueAt = null, UpdatedAt = at };
    }

    /// <summary>The send was given up.</summary>
    public static OutboundTransaction SendFailed(OutboundTransaction t, string code, string detail, DateTimeOffset at) =>
        t with { State = TransactionState.Failed, FailureCode = code, FailureDetail = detail, UpdatedAt = at };
}
