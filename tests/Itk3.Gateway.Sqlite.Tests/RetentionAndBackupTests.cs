using System.Text;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Retention;
using Itk3.Gateway.Transactions;
using Itk3.Testing.Gateway;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Gateway.Sqlite.Tests;

/// <summary>Retention purge and online backup on real SQLite files.</summary>
public sealed class RetentionAndBackupTests : IAsyncLifetime
{
    private const string Marker = "PATIENT-NHS-9434765919-MARKER";
    private static readonly RetentionCutoffs AllBeforeDay1 = new(At(24 * 60), At(24 * 60), At(24 * 60));
    private readonly SqliteStoreHarness harness = new();

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Purge_blanks_finished_payloads_past_retention_and_keeps_records_states_and_timeline()
    {
        await using var store = await OpenAsync();
        await SeedAsync(store);

        var report = await store.PurgeContentAsync(AllBeforeDay1, At(2 * 24 * 60), dryRun: false, Ct);

        Assert.Equal((1, 1, 1), (report.InboundMessages, report.OutboxItems, report.Deliveries));
        Assert.Equal(3 * Payload("x").Length, report.Bytes);
        Assert.Null(await store.GetInboundContentAsync("OLD-DONE", Ct));
        Assert.Equal(InboundState.Complete, (await store.GetInboundAsync("OLD-DONE", Ct))!.State);
        Assert.Equal(Payload("OLD-BUSY"), await store.GetInboundContentAsync("OLD-BUSY", Ct));
        Assert.Equal(Payload("NEW-DONE"), await store.GetInboundContentAsync("NEW-DONE", Ct));
        Assert.Null(await store.GetOutboxContentAsync("O-SENT", Ct));
        Assert.Equal(Payload("O-PENDING"), await store.GetOutboxContentAsync("O-PENDING", Ct));
        Assert.Equal(OutboxState.Sent, (await GetOutboxAsync(store, "O-SENT"))!.State);
        Assert.Equal(0, (await GetDeliveryAsync(store, "D-DONE"))!.Content.Length);
        Assert.Equal(Payload("D-DEAD"), (await GetDeliveryAsync(store, "D-DEAD"))!.Content.ToArray());
        var details = await store.GetTransactionAsync("T1", Ct);
        Assert.Equal([TransactionEventKind.Created, TransactionEventKind.Sent], details!.Timeline.Select(e => e.Kind));
        Assert.Equal("MESH-T1", details.Transaction.MeshMessageId);
        Assert.Equal(PurgeReport.None, await store.PurgeContentAsync(AllBeforeDay1, At(2 * 24 * 60), dryRun: false, Ct));
    }

    [Fact]
    public async Task Purged_bytes_are_gone_from_the_database_file_and_its_wal()
    {
        await using (var store = await OpenAsync())
        {
            await SeedAsync(store);
            Assert.True(ContainsMarker(), "the seeded payloads are in the files before the purge");

            await store.PurgeContentAsync(AllBeforeDay1, At(2 * 24 * 60), dryRun: false, Ct);
            await store.PurgeContentAsync(new RetentionCutoffs(At(1e6), At(1e6), At(1e6)), At(1e6), dryRun: false, Ct);
            await using var work = await store.BeginAsync(Ct);
            await work.Inbox.UpdateAsync((await work.Inbox.GetAsync("OLD-BUSY", Ct))! with { State = InboundState.Complete }, Ct);
            await work.Deliveries.RequeueAsync("D-DEAD", At(5), Ct);
            await work.Deliveries.MarkDeliveredAsync("D-DEAD", At(5), Ct);
            await work.Outbox.MarkSentAsync("O-PENDING", "MESH-O", At(5), Ct);
            await work.CommitAsync(Ct);
            await store.PurgeContentAsync(new RetentionCutoffs(At(1e6), At(1e6), At(1e6)), At(1e6), dryRun: false, Ct);
        }

        Assert.False(ContainsMarker());
    }

    [Fact]
    public async Task Dry_run_counts_what_would_be_purged_and_changes_nothing()
    {
        await using var store = await OpenAsync();
        await SeedAsync(store);

        var report = await store.PurgeContentAsync(AllBeforeDay1, At(2 * 24 * 60), dryRun: true, Ct);

        Assert.Equal((1, 1, 1, 3L * Payload("x").Length), (report.InboundMessages, report.OutboxItems, report.Deliveries, report.Bytes));
        Assert.Equal(Payload("OLD-DONE"), await store.GetInboundContentAsync("OLD-DONE", Ct));
        Assert.Equal(Payload("O-SENT"), await store.GetOutboxContentAsync("O-SENT", Ct));
    }

    [Fact]
    public async Task Backup_taken_while_writes_continue_is_a_consistent_prefix_and_restores_as_a_working_store()
    {
        await using var store = await OpenAsync();
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var work = await store.BeginAsync(Ct);
                var id = $"W{written + 1:D6}";
                await work.Transactions.AddAsync(Transaction(id), Ct);
                await work.Inbox.RegisterAsync(GatewaySamples.Inbound("M" + id), Payload(id), Ct);
                await work.CommitAsync(Ct);
                Interlocked.Increment(ref written);
            }
        });
        await WaitForAsync(() => Volatile.Read(ref written) >= 50);
        var before = Volatile.Read(ref written);
        var backup = Path.Combine(Path.GetDirectoryName(harness.DatabasePath)!, "backups", "gateway-backup.db");

        await store.BackupAsync(backup, Ct);
        var after = Volatile.Read(ref written);
        await WaitForAsync(() => Volatile.Read(ref written) >= after + 20);
        await stop.CancelAsync();
        await writer;

        Assert.False(File.Exists(backup + "-wal"));
        Assert.Equal("ok", await RawSqlite.ScalarAsync(backup, "PRAGMA integrity_check"));
        await using var restored = await SqliteGatewayStore.OpenAsync(new SqliteGatewayStoreOptions(backup), TimeProvider.System, Ct);
        var count = (await restored.ListTransactionsAsync(new Store.ListFilter<TransactionState>(), Ct)).Total;
        Assert.InRange(count, before, after + 1);
        // Ids W000001..Wn are distinct, so n rows whose largest id is Wn are exactly the first n units of work: a prefix.
        Assert.Equal($"W{count:D6}", await RawSqlite.ScalarAsync(backup, "SELECT MAX(id) FROM transactions"));
        Assert.Equal(count, (await restored.ListInboundAsync(new Store.ListFilter<InboundState>(), Ct)).Total);
        Assert.Equal(Payload($"W{count:D6}"), await restored.GetInboundContentAsync($"MW{count:D6}", Ct));
        await using var work = await restored.BeginAsync(Ct);
        Assert.True(await work.Transactions.AddAsync(Transaction("AFTER-RESTORE"), Ct));
        await work.CommitAsync(Ct);
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        await using var store = await OpenAsync();
        var existing = Path.Combine(Path.GetDirectoryName(harness.DatabasePath)!, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me");

        await Assert.ThrowsAsync<IOException>(() => store.BackupAsync(existing, Ct));

        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
    }

    private static byte[] Payload(string id) => Encoding.UTF8.GetBytes($"{{\"resourceType\":\"Bundle\",\"id\":\"{id,-10}\",\"note\":\"{Marker}\"}}");

    private async Task SeedAsync(SqliteGatewayStore store)
    {
        await using var work = await store.BeginAsync(Ct);
        await work.Inbox.RegisterAsync(GatewaySamples.Inbound("OLD-DONE") with { State = InboundState.Complete, AcknowledgedAt = At(1) }, Payload("OLD-DONE"), Ct);
        await work.Inbox.RegisterAsync(GatewaySamples.Inbound("OLD-BUSY") with { State = InboundState.Validated, AcknowledgedAt = At(1) }, Payload("OLD-BUSY"), Ct);
        await work.Inbox.RegisterAsync(GatewaySamples.Inbound("NEW-DONE", 3 * 24 * 60) with { State = InboundState.Complete, AcknowledgedAt = At(1) }, Payload("NEW-DONE"), Ct);
        await work.Transactions.AddAsync(Transaction("T1") with { MeshMessageId = "MESH-T1" }, Ct);
        await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(0), TransactionEventKind.Created), Ct);
        await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(1), TransactionEventKind.Sent), Ct);
        await work.Outbox.EnqueueAsync(GatewaySamples.Outbox("O-SENT", transactionId: "T1") with { Content = Payload("O-SENT") }, Ct);
        await work.Outbox.EnqueueAsync(GatewaySamples.Outbox("O-PENDING") with { Content = Payload("O-PENDING") }, Ct);
        await work.Outbox.MarkSentAsync("O-SENT", "MESH-T1", At(1), Ct);
        await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D-DONE", "K1") with { Content = Payload("D-DONE") }, Ct);
        await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D-DEAD", "K2") with { Content = Payload("D-DEAD") }, Ct);
        await work.Deliveries.MarkDeliveredAsync("D-DONE", At(1), Ct);
        await work.Deliveries.DeadLetterAsync("D-DEAD", "gone", At(1), Ct);
        await work.CommitAsync(Ct);
    }

    private bool ContainsMarker()
    {
        var marker = Encoding.UTF8.GetBytes(Marker);
        return new[] { harness.DatabasePath, harness.DatabasePath + "-wal" }
            .Where(File.Exists)
            .Any(path => ReadShared(path).AsSpan().IndexOf(marker) >= 0);
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<OutboxItem?> GetOutboxAsync(SqliteGatewayStore store, string id)
    {
        await using var work = await store.BeginAsync(Ct);
        return await work.Outbox.GetAsync(id, Ct);
    }

    private static async Task<DeliveryItem?> GetDeliveryAsync(SqliteGatewayStore store, string id)
    {
        await using var work = await store.BeginAsync(Ct);
        return await work.Deliveries.GetAsync(id, Ct);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the writer made no progress");
            }

            await Task.Delay(10);
        }
    }

    private Task<SqliteGatewayStore> OpenAsync() => SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
}
