using Itk3.Gateway.Inbound;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

public abstract partial class GatewayStoreContract<THarness>
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private const string TraceState = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

    [StoreFact]
    public async Task Queue_items_keep_their_trace_context_through_claims_and_reads_and_a_missing_one_stays_null()
    {
        await EnqueueOutboxAsync(Outbox("O1") with { TraceParent = TraceParent, TraceState = TraceState }, Outbox("O2", 1));
        await EnqueueDeliveriesAsync(Delivery("D1", "K1") with { TraceParent = TraceParent }, Delivery("D2", "K2", 1));

        var sends = await ClaimOutboxAsync(At(5), "a");
        var deliveries = await ClaimDeliveriesAsync(At(5), "a");

        Assert.Equal([("O1", TraceParent, TraceState), ("O2", null, null)], sends.Select(i => (i.Id, i.TraceParent, i.TraceState)));
        Assert.Equal([("D1", TraceParent, null), ("D2", null, null)], deliveries.Select(i => (i.Id, i.TraceParent, i.TraceState)));
        Assert.Equal((TraceParent, TraceState), await Queries.GetOutboxItemAsync("O1", Ct) is { } o ? (o.TraceParent, o.TraceState) : default);
        Assert.Equal(TraceParent, (await Queries.GetDeliveryAsync("D1", Ct))?.TraceParent);
    }

    [StoreFact]
    public async Task A_received_message_keeps_the_trace_context_it_was_registered_with_across_updates()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            var traced = Inbound("M1") with { TraceParent = TraceParent, TraceState = TraceState };
            Assert.True(await work.Inbox.RegisterAsync(traced, Bytes("M1"), Ct));
            Assert.True(await work.Inbox.RegisterAsync(Inbound("M2"), Bytes("M2"), Ct));
            Assert.True(await work.Inbox.UpdateAsync(traced with { State = InboundState.Validated, ItkCode = "20013", UpdatedAt = At(1) }, Ct));
            await work.CommitAsync(Ct);
        }

        var first = await Queries.GetInboundAsync("M1", Ct);
        var second = await Queries.GetInboundAsync("M2", Ct);

        Assert.Equal((InboundState.Validated, TraceParent, TraceState), (first!.State, first.TraceParent, first.TraceState));
        Assert.Equal((null, null), (second!.TraceParent, second.TraceState));
    }
}
