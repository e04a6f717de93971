using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

public abstract partial class GatewayStoreContract<THarness>
{
    [StoreFact]
    public async Task Transactions_are_filtered_by_state()
    {
        await SeedTransactionsAsync();

        var page = await Queries.ListTransactionsAsync(
            new ListFilter<TransactionState> { States = [TransactionState.Sent, TransactionState.Complete] }, Ct);

        Assert.Equal(["T4", "T2"], page.Items.Select(t => t.Id));
        Assert.Equal(2, page.Total);
    }

    [StoreFact]
    public async Task Transactions_are_filtered_by_flow_and_period()
    {
        await SeedTransactionsAsync();

        var byFlow = await Queries.ListTransactionsAsync(new ListFilter<TransactionState> { Flow = "referral" }, Ct);
        var byPeriod = await Queries.ListTransactionsAsync(new ListFilter<TransactionState> { From = At(2), To = At(4) }, Ct);

        Assert.Equal(["T5", "T3"], byFlow.Items.Select(t => t.Id));
        Assert.Equal(["T3", "T2"], byPeriod.Items.Select(t => t.Id));
    }

    [StoreFact]
    public async Task Transactions_needing_attention_are_failed_timed_out_or_have_a_dead_lettered_send()
    {
        await SeedTransactionsAsync();

        var page = await Queries.ListTransactionsAsync(new ListFilter<TransactionState> { NeedsAttention = true }, Ct);

        Assert.Equal(["T6", "T5", "T3"], page.Items.Select(t => t.Id));
    }

    [StoreFact]
    public async Task Transaction_lists_are_paged_newest_first_with_the_total()
    {
        await SeedTransactionsAsync();

        var second = await Queries.ListTransactionsAsync(new ListFilter<TransactionState> { Skip = 2, Take = 2 }, Ct);

        Assert.Equal(["T4", "T3"], second.Items.Select(t => t.Id));
        Assert.Equal((6, 2, 2), (second.Total, second.Skip, second.Take));
    }

    [StoreFact]
    public async Task Transactions_are_counted_per_state()
    {
        await SeedTransactionsAsync();

        var counts = await Queries.CountTransactionsByStateAsync(Ct);

        Assert.Equal(Enum.GetValues<TransactionState>().Length, counts.Count);
        Assert.Equal((1, 1, 1, 1, 1, 1), (counts[TransactionState.Queued], counts[TransactionState.Sent], counts[TransactionState.InfrastructureOk],
            counts[TransactionState.Complete], counts[TransactionState.Failed], counts[TransactionState.TimedOut]));
    }

    [StoreFact]
    public async Task Unknown_records_read_as_null()
    {
        Assert.Null(await Queries.GetTransactionAsync("T404", Ct));
        Assert.Null(await Queries.GetInboundAsync("M404", Ct));
        Assert.Null(await Queries.GetInboundContentAsync("M404", Ct));
        Assert.Null(await Queries.GetOutboxContentAsync("O404", Ct));
    }

    [StoreFact]
    public async Task Inbound_messages_are_filtered_by_state_flow_period_and_attention()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(Inbound("M1", 1) with { Flow = "discharge", State = InboundState.Complete }, Bytes("M1"), Ct);
            await work.Inbox.RegisterAsync(Inbound("M2", 2) with { Flow = "referral", State = InboundState.Rejected, ItkCode = "20009" }, Bytes("M2"), Ct);
            await work.Inbox.RegisterAsync(Inbound("M3", 3) with { Flow = "discharge", State = InboundState.DeadLettered }, Bytes("M3"), Ct);
            await work.Inbox.RegisterAsync(Inbound("M4", 4) with { Flow = "discharge" }, Bytes("M4"), Ct);
            await work.CommitAsync(Ct);
        }

        async Task<IEnumerable<string>> ListAsync(ListFilter<InboundState> filter) =>
            (await Queries.ListInboundAsync(filter, Ct)).Items.Select(m => m.MeshMessageId);

        Assert.Equal(["M3", "M2"], await ListAsync(new() { NeedsAttention = true }));
        Assert.Equal(["M4", "M3", "M1"], await ListAsync(new() { Flow = "discharge" }));
        Assert.Equal(["M4"], await ListAsync(new() { States = [InboundState.Received] }));
        Assert.Equal(["M2", "M1"], await ListAsync(new() { From = At(1), To = At(3) }));
    }

    [StoreFact]
    public async Task Dead_lettered_sends_and_deliveries_are_listed_as_needing_attention_without_content()
    {
        await SeedTransactionsAsync();
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Outbox.EnqueueAsync(Outbox("O7", 7) with { WorkflowId = "OTHER_WF" }, Ct);
            await work.Deliveries.EnqueueAsync(Delivery("D1", "K1", 1), Ct);
            await work.Deliveries.EnqueueAsync(Delivery("D2", "K2", 2), Ct);
            await work.Deliveries.DeadLetterAsync("D1", "application refused", At(3), Ct);
            await work.CommitAsync(Ct);
        }

        var sends = await Queries.ListOutboxAsync(new ListFilter<OutboxState> { NeedsAttention = true }, Ct);
        var deliveries = await Queries.ListDeliveriesAsync(new ListFilter<DeliveryState> { NeedsAttention = true }, Ct);
        var byWorkflow = await Queries.ListOutboxAsync(new ListFilter<OutboxState> { Flow = "OTHER_WF" }, Ct);
        var pending = await Queries.ListDeliveriesAsync(new ListFilter<DeliveryState> { States = [DeliveryState.Pending] }, Ct);

        var deadSend = Assert.Single(sends.Items);
        Assert.Equal(("O6", "T6", 0), (deadSend.Id, deadSend.TransactionId, deadSend.Content.Length));
        var deadDelivery = Assert.Single(deliveries.Items);
        Assert.Equal(("D1", "application refused", 0), (deadDelivery.Id, deadDelivery.LastError, deadDelivery.Content.Length));
        Assert.Equal(["O7"], byWorkflow.Items.Select(i => i.Id));
        Assert.Equal(["D2"], pending.Items.Select(i => i.Id));
        Assert.Equal(Bytes("O6"), await Queries.GetOutboxContentAsync("O6", Ct));
    }

    [StoreTheory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, 1001)]
    public async Task A_page_outside_the_limits_is_refused(int skip, int take)
    {
        var filter = new ListFilter<TransactionState> { Skip = skip, Take = take };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.ListTransactionsAsync(filter, Ct));
    }

    private async Task SeedTransactionsAsync()
    {
        await using var work = await Store.BeginAsync(Ct);
        await work.Transactions.AddAsync(Transaction("T1", 1) with { State = TransactionState.Queued }, Ct);
        await work.Transactions.AddAsync(Transaction("T2", 2) with { State = TransactionState.Complete }, Ct);
        await work.Transactions.AddAsync(Transaction("T3", 3, "referral") with { State = TransactionState.Failed }, Ct);
        await work.Transactions.AddAsync(Transaction("T4", 4) with { State = TransactionState.Sent }, Ct);
        await work.Transactions.AddAsync(Transaction("T5", 5, "referral") with { State = TransactionState.TimedOut }, Ct);
        await work.Transactions.AddAsync(Transaction("T6", 6) with { State = TransactionState.InfrastructureOk }, Ct);
        await work.Outbox.EnqueueAsync(Outbox("O6", 6, "T6"), Ct);
        await work.Outbox.DeadLetterAsync("O6", "business response could not be sent", At(7), Ct);
        await work.Outbox.EnqueueAsync(Outbox("O4", 4, "T4"), Ct);
        await work.CommitAsync(Ct);
    }
}
