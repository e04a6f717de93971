using Itk3.Gateway.Configuration;
using Itk3.Gateway.Tracking;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tests;

public sealed class TransactionProgressTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly FlowSettings Flow = new() { WorkflowId = "TOC_FHIR_IP_DISCH", InfrastructureTimeout = TimeSpan.FromMinutes(30), BusinessTimeout = TimeSpan.FromDays(1) };
    private static readonly OutboundTransaction Queued = new("t1", "TOC_FHIR_IP_DISCH", RecipientKind.Mailbox, "X26GP001", "h1", T0);

    [Fact]
    public void Sent_sets_the_flow_deadlines_from_the_send_time()
    {
        var sent = TransactionProgress.Sent(Queued, Flow, "M1", T0);

        Assert.Equal(TransactionState.Sent, sent.State);
        Assert.Equal(T0.AddMinutes(30), sent.InfrastructureDueAt);
        Assert.Equal(T0.AddDays(1), sent.BusinessDueAt);
        Assert.Equal("M1", sent.MeshMessageId);
    }

    [Fact]
    public void Fire_and_forget_flow_is_complete_once_sent()
    {
        var sent = TransactionProgress.Sent(Queued, Flow with { InfAckRequested = false, BusAckRequested = false }, "M1", T0);

        Assert.Equal(TransactionState.Complete, sent.State);
        Assert.Null(sent.InfrastructureDueAt);
    }

    [Fact]
    public void Positive_infrastructure_response_moves_to_InfrastructureOk_and_clears_its_deadline_only()
    {
        var sent = TransactionProgress.Sent(Queued, Flow, "M1", T0);

        var after = TransactionProgress.Responded(sent, Flow, [Response(ResponseLevel.Infrastructure, "20013", true)], T0.AddMinutes(1));

        Assert.Equal(TransactionState.InfrastructureOk, after.State);
        Assert.Null(after.InfrastructureDueAt);
        Assert.Equal(T0.AddDays(1), after.BusinessDueAt);
    }

    [Fact]
    public void Business_response_before_the_infrastructure_one_does_not_complete_the_transaction()
    {
        var sent = TransactionProgress.Sent(Queued, Flow, "M1", T0);

        var after = TransactionProgress.Responded(sent, Flow, [Response(ResponseLevel.Business, "30001", true)], T0.AddMinutes(1));

        Assert.Equal(TransactionState.Sent, after.State);
        Assert.Null(after.BusinessDueAt);
        Assert.NotNull(after.InfrastructureDueAt);
    }

    [Fact]
    public void Both_positive_responses_complete_the_transaction()
    {
        var sent = TransactionProgress.Sent(Queued, Flow, "M1", T0);

        var after = TransactionProgress.Responded(sent, Flow, [Response(ResponseLevel.Infrastructure, "20013", true), Response(ResponseLevel.Business, "30001", true)], T0.AddMinutes(1));

        Assert.Equal(TransactionState.Complete, after.State);
    }

    [Fact]
    public void Negative_response_fails_the_transaction_with_its_code()
    {
        var sent = TransactionProgress.Sent(Queued, Flow, "M1", T0);

        var after = TransactionProgress.Responded(sent, Flow, [Response(ResponseLevel.Infrastructure, "20009", false)], T0.AddMinutes(1));

        Assert.Equal(TransactionState.Failed, after.State);
        Assert.Equal("20009", after.FailureCode);
    }

    [Fact]
    public void Late_positive_responses_still_complete_a_timed_out_transaction()
    {
        var timedOut = TransactionProgress.TimedOut(TransactionProgress.Sent(Queued, Flow, "M1", T0), T0.AddHours(1));

        var after = TransactionProgress.Responded(timedOut, Flow, [Response(ResponseLevel.Infrastructure, "20013", true), Response(ResponseLevel.Business, "30001", true)], T0.AddHours(2));

        Assert.Equal(TransactionState.TimedOut, timedOut.State);
        Assert.Equal(TransactionState.Complete, after.State);
    }

    [Fact]
    public void Failed_MESH_report_fails_an_open_transaction_and_a_success_report_changes_nothing()
    {
        var sent = TransactionProgress.Sent(Queued, Flow, "M1", T0);

        Assert.Equal(TransactionState.Failed, TransactionProgress.Reported(sent, false, "EPL-151", "no GP", T0).State);
        Assert.Equal(TransactionState.Sent, TransactionProgress.Reported(sent, true, "00", "ok", T0).State);
    }

    private static TransactionResponse Response(ResponseLevel level, string code, bool positive) => new("t1", level, code, positive, "r-" + code, T0);
}
