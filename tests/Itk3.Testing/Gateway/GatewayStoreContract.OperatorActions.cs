using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

public abstract partial class GatewayStoreContract<THarness>
{
    [StoreFact]
    public async Task Requeue_and_resolve_act_on_dead_lettered_and_waiting_items_never_on_sent_resolved_or_claimed_ones()
    {
        await EnqueueOutboxAsync(Outbox("dead"), Outbox("waiting"), Outbox("sent"), Outbox("claimed", minutes: 1));
        await ClaimOutboxAsync(At(0), "a", maxItems: 3);
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Outbox.DeadLetterAsync("dead", "refused", At(0), Ct);
            await work.Outbox.MarkFailedAsync("waiting", "unavailable", At(30), At(0), Ct);
            await work.Outbox.MarkSentAsync("sent", "MESH-1", At(0), Ct);
            await work.CommitAsync(Ct);
        }

        await ClaimOutboxAsync(At(1), "b");
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Outbox.RequeueAsync("waiting", At(2), Ct));
            Assert.True(await work.Outbox.ResolveAsync("dead", At(2), Ct));
            Assert.False(await work.Outbox.RequeueAsync("dead", At(2), Ct));
            Assert.False(await work.Outbox.ResolveAsync("sent", At(2), Ct));
            Assert.False(await work.Outbox.RequeueAsync("claimed", At(2), Ct));
            Assert.False(await work.Outbox.ResolveAsync("missing", At(2), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Equal(OutboxState.Resolved, (await Queries.GetOutboxItemAsync("dead", Ct))!.State);
        var waiting = (await Queries.GetOutboxItemAsync("waiting", Ct))!;
        Assert.Equal((OutboxState.Pending, At(2), "unavailable"), (waiting.State, waiting.NextAttemptAt, waiting.LastError));
        Assert.Equal("claimed", Assert.Single(await ClaimOutboxAsync(At(7), "c", maxItems: 1)).Id);
        Assert.Equal("waiting", Assert.Single(await ClaimOutboxAsync(At(7), "c", maxItems: 1)).Id);
    }

    [StoreFact]
    public async Task A_resolved_delivery_is_never_claimed_and_leaves_the_needs_attention_list()
    {
        await EnqueueDeliveriesAsync(Delivery("D1", "K1"), Delivery("D2", "K2"));
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Deliveries.DeadLetterAsync("D1", "refused", At(0), Ct);
            await work.Deliveries.DeadLetterAsync("D2", "refused", At(0), Ct);
            Assert.True(await work.Deliveries.ResolveAsync("D1", At(1), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Empty(await ClaimDeliveriesAsync(At(10), "a"));
        var attention = await Queries.ListDeliveriesAsync(new ListFilter<DeliveryState> { NeedsAttention = true }, Ct);
        Assert.Equal(["D2"], attention.Items.Select(i => i.Id));
        Assert.Equal(DeliveryState.Resolved, (await Queries.GetDeliveryAsync("D1", Ct))!.State);
    }

    [StoreFact]
    public async Task Audit_events_are_stored_with_the_unit_of_work_and_read_per_transaction_and_message_newest_first()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Audit.AppendAsync(new AuditEvent(At(1), "ops", AuditAction.Requeued, AuditSubject.OutboxItem, "O1") { TransactionId = "T1" }, Ct);
            await work.Audit.AppendAsync(new AuditEvent(At(2), "ops", AuditAction.Resolved, AuditSubject.OutboxItem, "O1") { TransactionId = "T1", Note = "done" }, Ct);
            await work.Audit.AppendAsync(new AuditEvent(At(3), "desk", AuditAction.PayloadViewed, AuditSubject.InboundMessage, "m1") { InboundMeshMessageId = "m1" }, Ct);
            await work.CommitAsync(Ct);
        }

        await using (var discarded = await Store.BeginAsync(Ct))
        {
            await discarded.Audit.AppendAsync(new AuditEvent(At(4), "ghost", AuditAction.Resolved, AuditSubject.Transaction, "T1") { TransactionId = "T1" }, Ct);
        }

        var transaction = await Queries.ListAuditAsync(new AuditQuery { TransactionId = "T1" }, Ct);
        Assert.Equal([(AuditAction.Resolved, "done"), (AuditAction.Requeued, null)], transaction.Select(e => (e.Action, e.Note)));
        var message = Assert.Single(await Queries.ListAuditAsync(new AuditQuery { InboundMeshMessageId = "M1" }, Ct));
        Assert.Equal(("desk", AuditSubject.InboundMessage), (message.Actor, message.Subject));
        Assert.Equal(3, (await Queries.ListAuditAsync(new AuditQuery(), Ct)).Count);
    }
}
