using Itk3.Gateway.Postgres.Migrations;
using Itk3.Gateway.Store;
using Itk3.Testing.Gateway;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Gateway.Postgres.Tests;

public sealed class PostgresGatewayStoreTests : IAsyncLifetime
{
    private readonly PgTestDatabase database = new();

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [PostgresFact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        var opens = Enumerable.Range(0, 6).Select(i => Task.Run(() => database.OpenAsync($"i{i}"))).ToList();
        var stores = await Task.WhenAll(opens);
        try
        {
            var applied = stores.SelectMany(s => s.MigrationsAppliedAtOpen).Order().ToList();
            Assert.Equal(EmbeddedMigrations.Load().Select(m => m.Version), applied);
            Assert.Single(stores, s => s.MigrationsAppliedAtOpen.Count > 0);
            Assert.Equal((long)EmbeddedMigrations.Load().Count, await database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task Opening_a_schema_written_by_a_newer_build_fails_with_SchemaTooNew()
    {
        await (await database.OpenAsync()).DisposeAsync();
        await database.ScalarAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (9999, '9999_future', 0)");

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => database.OpenAsync());

        Assert.Equal(GatewayStoreError.SchemaTooNew, failure.Error);
    }

    [PostgresFact]
    public async Task A_failing_migration_applies_nothing_and_a_good_one_applies_later()
    {
        var broken = new Migration(2, "0002_broken", "CREATE TABLE extra (x INTEGER); INSERT INTO missing_table VALUES (1);");

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(
            () => PostgresGatewayStore.OpenAsync(database.Options(), TimeProvider.System, [.. EmbeddedMigrations.Load(), broken], Ct));

        Assert.Equal(GatewayStoreError.MigrationFailed, failure.Error);
        Assert.Null(await database.ScalarAsync("SELECT to_regclass('extra')::text"));
        Assert.Null(await database.ScalarAsync("SELECT to_regclass('transactions')::text"));
        await using var store = await database.OpenAsync();
        Assert.Equal(EmbeddedMigrations.Load().Select(m => m.Version), store.MigrationsAppliedAtOpen);
    }

    [Fact]
    public void Embedded_migrations_port_the_SQLite_numbers_and_keep_PostgreSQL_only_ones_from_1001()
    {
        var names = EmbeddedMigrations.Load().Select(m => m.Name).ToList();

        Assert.Equal("0001_initial", names[0]);
        Assert.Contains("0005_received_documents", names);
        Assert.Contains("0006_operator_audit", names);
        Assert.All(EmbeddedMigrations.Load().Where(m => m.Name.Contains("poller", StringComparison.Ordinal)), m => Assert.True(m.Version > 1000));
        Assert.Equal(EmbeddedMigrations.Load()[^1].Version, PostgresGatewayStore.SchemaVersion);
    }

    [PostgresFact]
    public async Task A_server_that_refuses_the_connection_fails_as_unavailable()
    {
        var options = new PostgresGatewayStoreOptions("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2") { Schema = database.Schema };

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => PostgresGatewayStore.OpenAsync(options, TimeProvider.System, Ct));

        Assert.Equal(GatewayStoreError.Unavailable, failure.Error);
    }

    [PostgresFact]
    public async Task A_schema_name_that_is_not_a_plain_identifier_is_refused_before_any_SQL()
    {
        var options = database.Options() with { Schema = "x; DROP TABLE y" };

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => PostgresGatewayStore.OpenAsync(options, TimeProvider.System, Ct));

        Assert.Equal(GatewayStoreError.Unavailable, failure.Error);
    }

    [PostgresFact]
    public async Task The_retention_purge_blanks_finished_old_payloads_once_keeps_the_records_and_a_dry_run_only_counts()
    {
        await using var store = await database.OpenAsync();
        await using (var work = await store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(GatewaySamples.Inbound("OLD-DONE") with { State = Inbound.InboundState.Complete, AcknowledgedAt = At(1) }, Bytes("x"), Ct);
            await work.Inbox.RegisterAsync(GatewaySamples.Inbound("OLD-BUSY") with { AcknowledgedAt = At(1) }, Bytes("x"), Ct);
            await work.Outbox.EnqueueAsync(GatewaySamples.Outbox("O-SENT"), Ct);
            await work.Outbox.MarkSentAsync("O-SENT", "MESH-O", At(10), Ct);
            await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D-DONE", "K1"), Ct);
            await work.Deliveries.MarkDeliveredAsync("D-DONE", At(10), Ct);
            await work.CommitAsync(Ct);
        }

        var cutoffs = new Retention.RetentionCutoffs(At(24 * 60), At(24 * 60), At(24 * 60));
        var dry = await store.PurgeContentAsync(cutoffs, At(2 * 24 * 60), dryRun: true, Ct);
        var report = await store.PurgeContentAsync(cutoffs, At(2 * 24 * 60), dryRun: false, Ct);

        Assert.Equal(report, dry);
        var bytes = Bytes("x").Length + GatewaySamples.Outbox("O-SENT").Content.Length + GatewaySamples.Delivery("D-DONE", "K1").Content.Length;
        Assert.Equal((1, 1, 1, (long)bytes), (report.InboundMessages, report.OutboxItems, report.Deliveries, report.Bytes));
        Assert.Null(await store.GetInboundContentAsync("OLD-DONE", Ct));
        Assert.Equal(Bytes("x"), await store.GetInboundContentAsync("OLD-BUSY", Ct));
        Assert.Null(await store.GetOutboxContentAsync("O-SENT", Ct));
        Assert.Equal(Inbound.InboundState.Complete, (await store.GetInboundAsync("OLD-DONE", Ct))!.State);
        Assert.Equal(Retention.PurgeReport.None, await store.PurgeContentAsync(cutoffs, At(2 * 24 * 60), dryRun: false, Ct));
    }

    [PostgresFact]
    public async Task Times_round_trip_to_the_tick()
    {
        await using var store = await database.OpenAsync();
        var odd = T0.AddTicks(1234567);
        await using (var work = await store.BeginAsync(Ct))
        {
            await work.Transactions.AddAsync(Transaction("T1") with { CreatedAt = odd, BusinessDueAt = odd.AddTicks(1) }, Ct);
            await work.CommitAsync(Ct);
        }

        var read = (await store.GetTransactionAsync("T1", Ct))!.Transaction;
        Assert.Equal((odd, odd.AddTicks(1)), (read.CreatedAt, read.BusinessDueAt!.Value));
    }

    [PostgresFact]
    public async Task A_unit_of_work_whose_connection_is_killed_fails_as_unavailable_and_commits_nothing()
    {
        await using var store = await database.OpenAsync("victim");
        await using var work = await store.BeginAsync(Ct);
        await work.Transactions.AddAsync(Transaction("T1"), Ct);

        Assert.True(await database.KillConnectionsAsync("victim") > 0);

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => work.CommitAsync(Ct));
        Assert.Equal(GatewayStoreError.Unavailable, failure.Error);
        await using var other = await database.OpenAsync("other");
        Assert.Null(await other.GetTransactionAsync("T1", Ct));
    }
}
