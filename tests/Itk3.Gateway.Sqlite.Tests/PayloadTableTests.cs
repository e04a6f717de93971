using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Itk3.Testing.Gateway;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Gateway.Sqlite.Tests;

/// <summary>Payloads live in the contents table (migration 0008): state changes of their rows never rewrite them, and rows written
/// before the migration (content inline) are still read, claimed and purged.</summary>
[Collection(SqliteMemoryCollection.Name)]
public sealed class PayloadTableTests : IAsyncLifetime
{
    private const int Large = 8 * 1024 * 1024;
    private readonly SqliteStoreHarness harness = new();

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Storing_and_moving_large_payloads_through_their_states_never_copies_them_into_sqlite_memory()
    {
        var payload = Random(Large, seed: 1);
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);

        // SQLite's own allocations (sqlite3_memory_highwater), above what it held before: a bound or rewritten 8 MB payload costs 8 to 17 MB.
        var peak = await SqliteMemory.PeakAboveCurrentAsync(async () =>
        {
            await InWorkAsync(store, async work =>
            {
                await work.Inbox.RegisterAsync(GatewaySamples.Inbound("M1"), payload, Ct);
                await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D1", "K1") with { Content = payload, InboundMeshMessageId = "M1" }, Ct);
                await work.Outbox.EnqueueAsync(GatewaySamples.Outbox("O1") with { Content = payload }, Ct);
            });
            await InWorkAsync(store, async work =>
            {
                await work.Deliveries.ClaimAsync(new LeaseRequest(At(1), TimeSpan.FromMinutes(1), "a", 10) { WithoutContent = true }, Ct);
                await work.Deliveries.MarkDeliveredAsync("D1", At(2), Ct);
                await work.Inbox.UpdateAsync(GatewaySamples.Inbound("M1") with { State = InboundState.DeliveredToApplication }, Ct);
                await work.Inbox.MarkAcknowledgedAsync("M1", At(2), Ct);
                await work.Outbox.MarkSentAsync("O1", "MESH-1", At(2), Ct);
            });
        });

        byte[]? read = null;
        var readPeak = await SqliteMemory.PeakAboveCurrentAsync(async () => read = await store.GetInboundContentAsync("M1", Ct));

        Assert.True(peak < 2 * 1024 * 1024, $"SQLite allocated {peak} bytes above its resting use");
        Assert.True(readPeak >= Large, $"the probe sees a whole-value read: {readPeak} bytes");
        Assert.Equal(payload, read);
        Assert.Equal(payload, await store.GetOutboxContentAsync("O1", Ct));
    }

    [Fact]
    public async Task A_claimed_delivery_is_read_from_the_database_pages_without_a_copy_in_sqlite_memory()
    {
        var payload = Random(Large, seed: 2);
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
        await InWorkAsync(store, work => work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D1", "K1") with { Content = payload }, Ct));

        IReadOnlyList<DeliveryItem> claimed = [];
        var peak = await SqliteMemory.PeakAboveCurrentAsync(() => InWorkAsync(store, async work =>
            claimed = await work.Deliveries.ClaimAsync(new LeaseRequest(At(1), TimeSpan.FromMinutes(1), "a", 10), Ct)));

        Assert.Equal(payload, Assert.Single(claimed).Content.ToArray());
        Assert.True(peak < 2 * 1024 * 1024, $"SQLite allocated {peak} bytes above its resting use");
    }

    [Fact]
    public async Task A_repeated_registration_or_enqueue_leaves_no_payload_behind()
    {
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
        await InWorkAsync(store, async work =>
        {
            Assert.True(await work.Inbox.RegisterAsync(GatewaySamples.Inbound("M1"), Random(300_000, 1), Ct));
            Assert.True(await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D1", "K1") with { Content = Random(10, 1) }, Ct));
            Assert.False(await work.Inbox.RegisterAsync(GatewaySamples.Inbound("M1"), Random(400_000, 2), Ct));
            Assert.False(await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D1", "K1") with { Content = Random(20, 2) }, Ct));
        });

        Assert.Equal(2L, await RawSqlite.ScalarAsync(harness.DatabasePath, "SELECT COUNT(*) FROM contents"));
        Assert.Equal(Random(300_000, 1), await store.GetInboundContentAsync("M1", Ct));
    }

    [Fact]
    public async Task Rows_written_before_the_contents_table_are_still_read_claimed_streamed_and_purged()
    {
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
        await InWorkAsync(store, async work =>
        {
            await work.Inbox.RegisterAsync(GatewaySamples.Inbound("M1"), Random(10, 3), Ct);
            await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D1", "K1") with { Content = Random(10, 3) }, Ct);
            await work.Outbox.EnqueueAsync(GatewaySamples.Outbox("O1") with { Content = Random(10, 3) }, Ct);
        });
        var inline = Random(200_000, 4);
        var hex = Convert.ToHexString(inline);
        foreach (var table in new[] { "inbound_messages", "deliveries", "outbox" })
        {
            // What a row written before migration 0008 looks like: content inline, no reference.
            await RawSqlite.ScalarAsync(harness.DatabasePath, $"UPDATE {table} SET content = X'{hex}', content_seq = NULL");
        }

        await RawSqlite.ScalarAsync(harness.DatabasePath, "DELETE FROM contents");
        await using var streamed = await store.OpenOutboxContentAsync("O1", Ct);
        var copy = new MemoryStream();
        await streamed!.CopyToAsync(copy);
        DeliveryItem? claimed = null;
        await InWorkAsync(store, async work => claimed = Assert.Single(await work.Deliveries.ClaimAsync(new LeaseRequest(At(1), TimeSpan.FromMinutes(1), "a", 10), Ct)));

        Assert.Equal(inline, await store.GetInboundContentAsync("M1", Ct));
        Assert.Equal(inline, await store.GetOutboxContentAsync("O1", Ct));
        Assert.Equal(inline, copy.ToArray());
        Assert.Equal(inline, claimed!.Content.ToArray());
    }

    private static async Task InWorkAsync(SqliteGatewayStore store, Func<IGatewayUnitOfWork, Task> action)
    {
        await using var work = await store.BeginAsync(Ct);
        await action(work);
        await work.CommitAsync(Ct);
    }

    private static byte[] Random(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
