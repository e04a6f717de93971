using Itk3.Gateway.Transactions;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

public abstract partial class GatewayStoreContract<THarness>
{
    [StoreFact]
    public async Task A_transaction_keeps_every_field_through_update()
    {
        var updated = Transaction("T1") with
        {
            MeshMessageId = "MESH-T1",
            State = TransactionState.Failed,
            InfrastructureDueAt = At(60),
            BusinessDueAt = At(120),
            FailureCode = "20009",
            FailureDetail = "payload invalid",
            UpdatedAt = At(5),
        };
        await using var work = await Store.BeginAsync(Ct);
        Assert.True(await work.Transactions.AddAsync(Transaction("T1"), Ct));
        Assert.True(await work.Transactions.UpdateAsync(updated, Ct));
        Assert.False(await work.Transactions.UpdateAsync(Transaction("T9"), Ct));

        Assert.Equal(updated, await work.Transactions.GetAsync("T1", Ct));
    }

    [StoreFact]
    public async Task A_transaction_id_or_MessageHeader_id_cannot_be_added_twice()
    {
        await using var work = await Store.BeginAsync(Ct);
        Assert.True(await work.Transactions.AddAsync(Transaction("T1"), Ct));

        Assert.False(await work.Transactions.AddAsync(Transaction("T1") with { MessageHeaderId = "other" }, Ct));
        Assert.False(await work.Transactions.AddAsync(Transaction("T2") with { MessageHeaderId = "header-T1" }, Ct));
        Assert.Null(await work.Transactions.GetAsync("T2", Ct));
    }

    [StoreTheory]
    [InlineData(TransactionLookup.MessageHeaderId, "header-T2")]
    [InlineData(TransactionLookup.BundleIdentifier, "bundle-identifier-T2")]
    [InlineData(TransactionLookup.MeshMessageId, "MESH-T2")]
    [InlineData(TransactionLookup.MeshMessageId, "mesh-t2")]
    [InlineData(TransactionLookup.LocalId, "local-T2")]
    public async Task A_transaction_is_found_by_each_correlation_key(TransactionLookup by, string value)
    {
        await using var work = await Store.BeginAsync(Ct);
        await work.Transactions.AddAsync(Transaction("T1") with { MeshMessageId = "MESH-T1" }, Ct);
        await work.Transactions.AddAsync(Transaction("T2") with { MeshMessageId = "MESH-T2" }, Ct);

        Assert.Equal("T2", (await work.Transactions.FindAsync(by, value, Ct))?.Id);
        Assert.Null(await work.Transactions.FindAsync(by, "unknown", Ct));
    }

    [StoreFact]
    public async Task Locking_transactions_by_every_kind_of_key_first_leaves_the_unit_of_work_usable()
    {
        await using var work = await Store.BeginAsync(Ct);
        await work.Transactions.AddAsync(Transaction("T1") with { MeshMessageId = "MESH-T1" }, Ct);
        await work.Transactions.AddAsync(Transaction("T2"), Ct);

        await work.Transactions.LockAsync(
            [(TransactionLookup.MeshMessageId, "mesh-t1"), (TransactionLookup.MessageHeaderId, "header-T2"), (TransactionLookup.LocalId, "unknown")], Ct);
        await work.Transactions.LockAsync([], Ct);

        Assert.Equal("T1", (await work.Transactions.FindAsync(TransactionLookup.MeshMessageId, "MESH-T1", Ct))?.Id);
        Assert.True(await work.Transactions.UpdateAsync(Transaction("T2") with { State = TransactionState.Sent }, Ct));
        await work.CommitAsync(Ct);
    }

    [StoreFact]
    public async Task Timeline_is_ordered_by_time_then_by_order_of_appending()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Transactions.AddAsync(Transaction("T1"), Ct);
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(2), TransactionEventKind.InfrastructureResponse, "b", "20013"), Ct);
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(0), TransactionEventKind.Created, "a"), Ct);
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(2), TransactionEventKind.Note, "c"), Ct);
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(1), TransactionEventKind.Sent, "d"), Ct);
            await work.CommitAsync(Ct);
        }

        var timeline = (await Queries.GetTransactionAsync("T1", Ct))!.Timeline;
        Assert.Equal(["a", "d", "b", "c"], timeline.Select(e => e.Detail));
        Assert.Equal(new TransactionEvent("T1", At(2), TransactionEventKind.InfrastructureResponse, "b", "20013"), timeline[2]);
        await using var check = await Store.BeginAsync(Ct);
        Assert.Equal(timeline, await check.Transactions.GetTimelineAsync("T1", Ct));
    }

    [StoreFact]
    public async Task Responses_are_recorded_once_per_response_MessageHeader_id()
    {
        var infrastructure = new TransactionResponse("T1", ResponseLevel.Infrastructure, "20013", true, "R1", At(1));
        var business = new TransactionResponse("T1", ResponseLevel.Business, "30002", false, "R2", At(2));
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Transactions.AddAsync(Transaction("T1"), Ct);
            Assert.True(await work.Transactions.AddResponseAsync(infrastructure, Ct));
            Assert.True(await work.Transactions.AddResponseAsync(business, Ct));
            Assert.False(await work.Transactions.AddResponseAsync(infrastructure with { ReceivedAt = At(3) }, Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Equal([infrastructure, business], (await Queries.GetTransactionAsync("T1", Ct))!.Responses);
    }

    [StoreFact]
    public async Task Due_deadlines_are_listed_earliest_first_skipping_terminal_and_future_ones()
    {
        await using var work = await Store.BeginAsync(Ct);
        await work.Transactions.AddAsync(Transaction("late-business") with { State = TransactionState.InfrastructureOk, BusinessDueAt = At(30) }, Ct);
        await work.Transactions.AddAsync(Transaction("late-infra") with { State = TransactionState.Sent, InfrastructureDueAt = At(10), BusinessDueAt = At(90) }, Ct);
        await work.Transactions.AddAsync(Transaction("future") with { State = TransactionState.Sent, InfrastructureDueAt = At(61) }, Ct);
        await work.Transactions.AddAsync(Transaction("done") with { State = TransactionState.Complete, BusinessDueAt = At(5) }, Ct);
        await work.Transactions.AddAsync(Transaction("failed") with { State = TransactionState.Failed, InfrastructureDueAt = At(5) }, Ct);
        await work.Transactions.AddAsync(Transaction("no-deadline") with { State = TransactionState.Sent }, Ct);
        await work.Transactions.AddAsync(Transaction("exactly-now") with { State = TransactionState.Queued, InfrastructureDueAt = At(60) }, Ct);

        var due = await work.Transactions.ListDueAsync(At(60), 10, Ct);

        Assert.Equal(["late-infra", "late-business", "exactly-now"], due.Select(t => t.Id));
        Assert.Single(await work.Transactions.ListDueAsync(At(60), 1, Ct));
    }

    [StoreFact]
    public async Task Events_and_responses_of_an_unknown_transaction_are_refused()
    {
        await using var work = await Store.BeginAsync(Ct);

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => work.Transactions.AppendEventAsync(new TransactionEvent("T404", At(0), TransactionEventKind.Note), Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => work.Transactions.AddResponseAsync(new TransactionResponse("T404", ResponseLevel.Business, "30001", true, "R1", At(0)), Ct));
        Assert.Empty(await work.Transactions.GetTimelineAsync("T404", Ct));
    }
}
