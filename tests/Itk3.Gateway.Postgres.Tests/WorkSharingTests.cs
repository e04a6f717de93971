using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Itk3.Testing.Gateway;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Gateway.Postgres.Tests;

/// <summary>Outbox sends, deliveries and timers shared by instances on one database: claimed once, never waited for, back when an instance dies.</summary>
public sealed class WorkSharingTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly PgTestDatabase database = new();
    private PostgresGatewayStore? a;
    private PostgresGatewayStore? b;

    private static CancellationToken Ct => CancellationToken.None;

    private PostgresGatewayStore A => a!;

    private PostgresGatewayStore B => b!;

    public async Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is null)
        {
            a = await database.OpenAsync("a");
            b = await database.OpenAsync("b");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var store in new[] { a, b })
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
        }

        await database.DisposeAsync();
    }

    [PostgresFact]
    public async Task An_instance_claiming_while_another_holds_its_claim_open_takes_the_other_items_without_waiting()
    {
        await EnqueueAsync("O1", "O2", "O3", "O4");
        await using var first = await A.BeginAsync(Ct);
        var firstClaim = await first.Outbox.ClaimAsync(new LeaseRequest(At(10), Lease, "a", 2), Ct);

        // With plain FOR UPDATE this claim would wait for the first unit of work (and fail at the 10 s command timeout).
        await using var second = await B.BeginAsync(Ct);
        var secondClaim = await second.Outbox.ClaimAsync(new LeaseRequest(At(10), Lease, "b", 10), Ct);
        await second.CommitAsync(Ct);
        await first.CommitAsync(Ct);

        Assert.Equal(["O1", "O2"], firstClaim.Select(i => i.Id));
        Assert.Equal(["O3", "O4"], secondClaim.Select(i => i.Id));
    }

    [PostgresFact]
    public async Task Deliveries_claimed_by_an_instance_that_died_come_back_to_another_when_the_lease_expires()
    {
        await using (var work = await A.BeginAsync(Ct))
        {
            await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D1", "K1"), Ct);
            await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D2", "K2"), Ct);
            await work.CommitAsync(Ct);
        }

        await using (var work = await A.BeginAsync(Ct))
        {
            Assert.Equal(2, (await work.Deliveries.ClaimAsync(new LeaseRequest(At(1), Lease, "a", 10), Ct)).Count);
            await work.CommitAsync(Ct);
        }

        Assert.True(await database.KillConnectionsAsync("a") >= 0);
        await A.DisposeAsync();
        a = null;

        Assert.Empty(await ClaimDeliveriesAsync(B, At(1) + Lease - TimeSpan.FromTicks(1)));
        var taken = await ClaimDeliveriesAsync(B, At(1) + Lease);
        Assert.Equal(["D1", "D2"], taken.Select(d => d.Id));
        Assert.All(taken, d => Assert.Equal((2, "b"), (d.Attempts, d.ClaimedBy)));
    }

    [PostgresFact]
    public async Task An_uncommitted_claim_of_an_instance_whose_connection_dies_is_claimable_at_once()
    {
        await EnqueueAsync("O1");
        var dying = await A.BeginAsync(Ct);
        Assert.Single(await dying.Outbox.ClaimAsync(new LeaseRequest(At(10), Lease, "a", 10), Ct));

        await using (var work = await B.BeginAsync(Ct))
        {
            Assert.Empty(await work.Outbox.ClaimAsync(new LeaseRequest(At(10), Lease, "b", 10), Ct));
        }

        Assert.True(await database.KillConnectionsAsync("a") > 0);
        await using (var work = await B.BeginAsync(Ct))
        {
            Assert.Equal(["O1"], (await work.Outbox.ClaimAsync(new LeaseRequest(At(10), Lease, "b", 10), Ct)).Select(i => i.Id));
            await work.CommitAsync(Ct);
        }

        await Assert.ThrowsAsync<GatewayStoreException>(() => dying.CommitAsync(Ct));
        await dying.DisposeAsync();
    }

    [PostgresFact]
    public async Task Due_timers_taken_by_one_instance_are_skipped_by_another_until_it_finishes()
    {
        await using (var work = await A.BeginAsync(Ct))
        {
            for (var i = 1; i <= 4; i++)
            {
                await work.Transactions.AddAsync(Transaction($"T{i}") with { State = TransactionState.Sent, InfrastructureDueAt = At(i) }, Ct);
            }

            await work.CommitAsync(Ct);
        }

        await using var first = await A.BeginAsync(Ct);
        var firstDue = await first.Transactions.ListDueAsync(At(10), 2, Ct);
        await using var second = await B.BeginAsync(Ct);
        var secondDue = await second.Transactions.ListDueAsync(At(10), 10, Ct);

        Assert.Equal(["T1", "T2"], firstDue.Select(t => t.Id));
        Assert.Equal(["T3", "T4"], secondDue.Select(t => t.Id));
    }

    [PostgresFact]
    public async Task A_read_modify_write_in_one_instance_waits_for_the_same_row_in_another_and_sees_its_change()
    {
        await using (var work = await A.BeginAsync(Ct))
        {
            await work.Transactions.AddAsync(Transaction("T1"), Ct);
            await work.CommitAsync(Ct);
        }

        var first = await A.BeginAsync(Ct);
        var read = (await first.Transactions.GetAsync("T1", Ct))!;
        var waiting = Task.Run(async () =>
        {
            await using var second = await B.BeginAsync(Ct);
            var seen = (await second.Transactions.GetAsync("T1", Ct))!;
            await second.Transactions.UpdateAsync(seen with { FailureDetail = seen.FailureDetail + "+b" }, Ct);
            await second.CommitAsync(Ct);
        });
        await first.Transactions.UpdateAsync(read with { FailureDetail = "a" }, Ct);
        await first.CommitAsync(Ct);
        await first.DisposeAsync();
        await waiting;

        Assert.Equal("a+b", (await A.GetTransactionAsync("T1", Ct))!.Transaction.FailureDetail);
    }

    private async Task EnqueueAsync(params string[] ids)
    {
        await using var work = await A.BeginAsync(Ct);
        for (var i = 0; i < ids.Length; i++)
        {
            await work.Outbox.EnqueueAsync(GatewaySamples.Outbox(ids[i], i), Ct);
        }

        await work.CommitAsync(Ct);
    }

    private static async Task<IReadOnlyList<Delivery.DeliveryItem>> ClaimDeliveriesAsync(PostgresGatewayStore store, DateTimeOffset now)
    {
        await using var work = await store.BeginAsync(Ct);
        var items = await work.Deliveries.ClaimAsync(new LeaseRequest(now, Lease, "b", 10), Ct);
        await work.CommitAsync(Ct);
        return items;
    }
}
