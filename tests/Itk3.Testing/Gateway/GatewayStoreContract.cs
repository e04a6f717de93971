using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

/// <summary>What every gateway store must do (DESIGN §4): derive once per implementation with its harness.</summary>
/// <typeparam name="THarness">Creates a fresh database of the implementation under test.</typeparam>
public abstract partial class GatewayStoreContract<THarness> : IAsyncLifetime
    where THarness : IGatewayStoreHarness, new()
{
    private GatewayStoreHandle? handle;

    /// <summary>The harness owning this test's database.</summary>
    protected THarness Harness { get; } = new();

    /// <summary>The write side of the open store.</summary>
    protected IGatewayStore Store => (handle ?? throw new InvalidOperationException("Not initialised.")).Store;

    /// <summary>The read side of the open store.</summary>
    protected IGatewayQueries Queries => (handle ?? throw new InvalidOperationException("Not initialised.")).Queries;

    /// <summary>A cancellation token for store calls.</summary>
    protected static CancellationToken Ct => CancellationToken.None;

    /// <inheritdoc />
    public async Task InitializeAsync() => handle = await Harness.OpenAsync(Ct);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (handle is not null)
        {
            await handle.DisposeAsync();
        }

        await Harness.DisposeAsync();
    }

    [StoreFact]
    public async Task Changes_are_not_visible_to_readers_until_committed()
    {
        await using var work = await Store.BeginAsync(Ct);
        Assert.True(await work.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct));
        Assert.True(await work.Transactions.AddAsync(Transaction("T1"), Ct));

        Assert.NotNull(await work.Inbox.GetAsync("M1", Ct));
        Assert.Null(await Queries.GetInboundAsync("M1", Ct));
        Assert.Null(await Queries.GetTransactionAsync("T1", Ct));

        await work.CommitAsync(Ct);
        Assert.NotNull(await Queries.GetInboundAsync("M1", Ct));
        Assert.NotNull(await Queries.GetTransactionAsync("T1", Ct));
    }

    [StoreFact]
    public async Task Disposing_an_uncommitted_unit_of_work_rolls_everything_back()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct);
            await work.Transactions.AddAsync(Transaction("T1"), Ct);
            await work.Outbox.EnqueueAsync(Outbox("O1", transactionId: "T1"), Ct);
            await work.Deliveries.EnqueueAsync(Delivery("D1", "K1"), Ct);
        }

        await using var check = await Store.BeginAsync(Ct);
        Assert.Null(await check.Inbox.GetAsync("M1", Ct));
        Assert.Null(await check.Transactions.GetAsync("T1", Ct));
        Assert.Null(await check.Outbox.GetAsync("O1", Ct));
        Assert.Null(await check.Deliveries.GetAsync("D1", Ct));
        Assert.True(await check.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct));
    }

    [StoreFact]
    public async Task A_committed_unit_of_work_cannot_be_used_again()
    {
        await using var work = await Store.BeginAsync(Ct);
        await work.CommitAsync(Ct);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => work.Inbox.GetAsync("M1", Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => work.CommitAsync(Ct));
    }

    [StoreFact]
    public async Task Inbox_outbox_and_transaction_changes_commit_together()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct);
            await work.Outbox.EnqueueAsync(Outbox("O1") with { InboundMeshMessageId = "M1" }, Ct);
            await work.Deliveries.EnqueueAsync(Delivery("D1", "K1") with { InboundMeshMessageId = "M1" }, Ct);
            await work.CommitAsync(Ct);
        }

        await using var check = await Store.BeginAsync(Ct);
        Assert.NotNull(await check.Inbox.GetAsync("M1", Ct));
        Assert.Equal("M1", (await check.Outbox.GetAsync("O1", Ct))!.InboundMeshMessageId);
        Assert.Equal("M1", (await check.Deliveries.GetAsync("D1", Ct))!.InboundMeshMessageId);
    }

    [StoreFact]
    public async Task Survives_reopening_the_database()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct);
            await work.Transactions.AddAsync(Transaction("T1") with { State = TransactionState.Sent, MeshMessageId = "MESH-T1" }, Ct);
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(1), TransactionEventKind.Sent), Ct);
            await work.Outbox.EnqueueAsync(Outbox("O1", transactionId: "T1"), Ct);
            await work.Deliveries.EnqueueAsync(Delivery("D1", "K1"), Ct);
            await work.CommitAsync(Ct);
        }

        await handle!.DisposeAsync();
        handle = await Harness.OpenAsync(Ct);

        Assert.Equal(Bytes("M1"), await Queries.GetInboundContentAsync("M1", Ct));
        var details = await Queries.GetTransactionAsync("T1", Ct);
        Assert.Equal(TransactionState.Sent, details!.Transaction.State);
        Assert.Single(details.Timeline);
        Assert.Equal(["O1"], details.OutboxItemIds);
        Assert.Equal(Bytes("O1"), await Queries.GetOutboxContentAsync("O1", Ct));
        await using var check = await Store.BeginAsync(Ct);
        Assert.Equal("K1", (await check.Deliveries.GetAsync("D1", Ct))!.IdempotencyKey);
        Assert.False(await check.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct));
    }

    [StoreFact]
    public async Task Migrations_are_applied_once_and_recorded()
    {
        Assert.Equal(Harness.KnownMigrations, await Harness.ReadAppliedMigrationsAsync(Ct));

        await handle!.DisposeAsync();
        handle = await Harness.OpenAsync(Ct);
        await handle.DisposeAsync();
        handle = await Harness.OpenAsync(Ct);

        Assert.Equal(Harness.KnownMigrations, await Harness.ReadAppliedMigrationsAsync(Ct));
        Assert.NotEmpty(Harness.KnownMigrations);
    }
}
