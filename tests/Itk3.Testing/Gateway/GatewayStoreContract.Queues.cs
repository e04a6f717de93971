using Itk3.Gateway.Delivery;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

public abstract partial class GatewayStoreContract<THarness>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [StoreFact]
    public async Task A_claimed_outbox_item_is_not_claimed_again_until_its_lease_expires()
    {
        await EnqueueOutboxAsync(Outbox("O1"));

        var first = await ClaimOutboxAsync(At(0), "gateway-a");
        var meanwhile = await ClaimOutboxAsync(At(4.9), "gateway-b");

        var claimed = Assert.Single(first);
        Assert.Equal(("O1", 1, "gateway-a", At(5)), (claimed.Id, claimed.Attempts, claimed.ClaimedBy, claimed.LeaseUntil));
        Assert.Equal(Bytes("O1"), claimed.Content.ToArray());
        Assert.Empty(meanwhile);
    }

    [StoreFact]
    public async Task An_expired_outbox_lease_is_redelivered()
    {
        await EnqueueOutboxAsync(Outbox("O1"));
        await ClaimOutboxAsync(At(0), "gateway-a");

        var again = Assert.Single(await ClaimOutboxAsync(At(5), "gateway-b"));

        Assert.Equal(("O1", 2, "gateway-b"), (again.Id, again.Attempts, again.ClaimedBy));
    }

    [StoreFact]
    public async Task Outbox_items_are_claimed_when_due_oldest_first_up_to_the_limit()
    {
        await EnqueueOutboxAsync(Outbox("later", 2), Outbox("first", 0), Outbox("second", 1), Outbox("future", 10));

        var claimed = await ClaimOutboxAsync(At(3), "a", maxItems: 2);
        var rest = await ClaimOutboxAsync(At(3), "a");

        Assert.Equal(["first", "second"], claimed.Select(i => i.Id));
        Assert.Equal(["later"], rest.Select(i => i.Id));
    }

    [StoreFact]
    public async Task A_claim_stops_at_its_byte_limit_but_always_takes_the_first_item()
    {
        await EnqueueOutboxAsync(Outbox("first", 0), Outbox("second", 1), Outbox("third", 2));

        var one = await ClaimOutboxAsync(At(3), "a", maxItems: 10, maxBytes: 1);
        var two = await ClaimOutboxAsync(At(3), "a", maxItems: 10, maxBytes: Bytes("second").Length + Bytes("third").Length);

        Assert.Equal(["first"], one.Select(i => i.Id));
        Assert.Equal(["second", "third"], two.Select(i => i.Id));
    }

    [StoreFact]
    public async Task A_sent_outbox_item_is_never_claimed_again()
    {
        await EnqueueOutboxAsync(Outbox("O1"));
        await ClaimOutboxAsync(At(0), "a");
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Outbox.MarkSentAsync("O1", "mesh-o1", At(1), Ct));
            Assert.False(await work.Outbox.MarkSentAsync("O1", "MESH-O1", At(1), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Empty(await ClaimOutboxAsync(At(60), "b"));
        await using var check = await Store.BeginAsync(Ct);
        var sent = await check.Outbox.GetAsync("O1", Ct);
        Assert.Equal((OutboxState.Sent, "MESH-O1", At(1)), (sent!.State, sent.MeshMessageId, sent.CompletedAt));
    }

    [StoreFact]
    public async Task A_failed_send_is_claimable_again_at_its_next_attempt_time()
    {
        await EnqueueOutboxAsync(Outbox("O1"));
        await ClaimOutboxAsync(At(0), "a");
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Outbox.MarkFailedAsync("O1", "MESH 503", At(2), At(1), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Empty(await ClaimOutboxAsync(At(1.5), "a"));
        var retried = Assert.Single(await ClaimOutboxAsync(At(2), "a"));
        Assert.Equal((2, "MESH 503", OutboxState.Pending), (retried.Attempts, retried.LastError, retried.State));
    }

    [StoreFact]
    public async Task Dead_lettered_items_are_not_claimed()
    {
        await EnqueueOutboxAsync(Outbox("O1"));
        await EnqueueDeliveriesAsync(Delivery("D1", "K1"));
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Outbox.DeadLetterAsync("O1", "mailbox unknown", At(1), Ct));
            Assert.True(await work.Deliveries.DeadLetterAsync("D1", "application refused", At(1), Ct));
            Assert.False(await work.Outbox.MarkSentAsync("O1", "MESH-1", At(2), Ct));
            Assert.False(await work.Deliveries.MarkFailedAsync("D1", "again", At(2), At(2), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Empty(await ClaimOutboxAsync(At(120), "a"));
        Assert.Empty(await ClaimDeliveriesAsync(At(120), "a"));
        await using var check = await Store.BeginAsync(Ct);
        Assert.Equal(OutboxState.DeadLettered, (await check.Outbox.GetAsync("O1", Ct))!.State);
        Assert.Equal(DeliveryState.DeadLettered, (await check.Deliveries.GetAsync("D1", Ct))!.State);
    }

    [StoreFact]
    public async Task A_delivery_marked_delivered_is_never_delivered_again()
    {
        await EnqueueDeliveriesAsync(Delivery("D1", "K1"));
        var claimed = Assert.Single(await ClaimDeliveriesAsync(At(0), "a"));
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Deliveries.MarkDeliveredAsync(claimed.Id, At(1), Ct));
            Assert.False(await work.Deliveries.MarkDeliveredAsync(claimed.Id, At(2), Ct));
            Assert.False(await work.Deliveries.EnqueueAsync(Delivery("D2", "K1", 3), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Empty(await ClaimDeliveriesAsync(At(60), "b"));
        await using var check = await Store.BeginAsync(Ct);
        var delivered = await check.Deliveries.GetAsync("D1", Ct);
        Assert.Equal((DeliveryState.Delivered, At(1), 1), (delivered!.State, delivered.CompletedAt, delivered.Attempts));
        Assert.Null(await check.Deliveries.GetAsync("D2", Ct));
    }

    [StoreFact]
    public async Task A_delivery_lease_expires_and_counts_attempts_like_the_outbox()
    {
        await EnqueueDeliveriesAsync(Delivery("D1", "K1") with { InboundMeshMessageId = "M1" });
        await ClaimDeliveriesAsync(At(0), "a");
        Assert.Empty(await ClaimDeliveriesAsync(At(1), "b"));

        var again = Assert.Single(await ClaimDeliveriesAsync(At(5), "b"));

        Assert.Equal(("K1", 2, "M1", "discharge"), (again.IdempotencyKey, again.Attempts, again.InboundMeshMessageId, again.Flow));
        Assert.Equal(Bytes("D1"), again.Content.ToArray());
    }

    [StoreFact]
    public async Task A_dead_letter_requeued_by_an_operator_is_claimed_again_when_due()
    {
        await EnqueueOutboxAsync(Outbox("O1"));
        await EnqueueDeliveriesAsync(Delivery("D1", "K1"));
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Outbox.DeadLetterAsync("O1", "mailbox unknown", At(1), Ct);
            await work.Deliveries.DeadLetterAsync("D1", "refused", At(1), Ct);
            Assert.True(await work.Outbox.RequeueAsync("O1", At(10), Ct));
            Assert.True(await work.Deliveries.RequeueAsync("D1", At(10), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Empty(await ClaimOutboxAsync(At(9), "a"));
        var send = Assert.Single(await ClaimOutboxAsync(At(10), "a"));
        var delivery = Assert.Single(await ClaimDeliveriesAsync(At(10), "a"));
        Assert.Equal((OutboxState.Pending, "mailbox unknown"), (send.State, send.LastError));
        Assert.Equal(DeliveryState.Pending, delivery.State);
    }

    [StoreFact]
    public async Task An_outbox_id_is_enqueued_once()
    {
        await using var work = await Store.BeginAsync(Ct);
        Assert.True(await work.Outbox.EnqueueAsync(Outbox("O1"), Ct));
        Assert.False(await work.Outbox.EnqueueAsync(Outbox("O1", 5), Ct));
    }

    private async Task EnqueueOutboxAsync(params OutboxItem[] items)
    {
        await using var work = await Store.BeginAsync(Ct);
        foreach (var item in items)
        {
            Assert.True(await work.Outbox.EnqueueAsync(item, Ct));
        }

        await work.CommitAsync(Ct);
    }

    private async Task EnqueueDeliveriesAsync(params DeliveryItem[] items)
    {
        await using var work = await Store.BeginAsync(Ct);
        foreach (var item in items)
        {
            Assert.True(await work.Deliveries.EnqueueAsync(item, Ct));
        }

        await work.CommitAsync(Ct);
    }

    private async Task<IReadOnlyList<OutboxItem>> ClaimOutboxAsync(DateTimeOffset now, string claimant, int maxItems = 10, long maxBytes = long.MaxValue)
    {
        await using var work = await Store.BeginAsync(Ct);
        var items = await work.Outbox.ClaimAsync(new LeaseRequest(now, Lease, claimant, maxItems) { MaxBytes = maxBytes }, Ct);
        await work.CommitAsync(Ct);
        return items;
    }

    private async Task<IReadOnlyList<DeliveryItem>> ClaimDeliveriesAsync(DateTimeOffset now, string claimant)
    {
        await using var work = await Store.BeginAsync(Ct);
        var items = await work.Deliveries.ClaimAsync(new LeaseRequest(now, Lease, claimant, 10), Ct);
        await work.CommitAsync(Ct);
        return items;
    }
}
