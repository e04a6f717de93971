using Itk3.Gateway.Sqlite.Migrations;
using Itk3.Gateway.Store;
using Itk3.Testing.Gateway;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Gateway.Sqlite.Tests;

public sealed class SqliteGatewayStoreTests : IAsyncLifetime
{
    private readonly SqliteStoreHarness harness = new();

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Opening_a_database_written_by_a_newer_build_fails_with_SchemaTooNew()
    {
        await (await OpenAsync()).DisposeAsync();
        await RawSqlite.ScalarAsync(harness.DatabasePath, "INSERT INTO schema_version (version, name, applied_at) VALUES (9999, '9999_future', 0)");

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(OpenAsync);

        Assert.Equal(GatewayStoreError.SchemaTooNew, failure.Error);
    }

    [Fact]
    public async Task A_failing_migration_applies_nothing_and_a_good_one_applies_later()
    {
        var next = EmbeddedMigrations.Load()[^1].Version + 1;
        var broken = new Migration(next, $"{next:D4}_broken", "CREATE TABLE extra (x INTEGER); INSERT INTO missing_table VALUES (1);");

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => OpenAsync([.. EmbeddedMigrations.Load(), broken]));

        Assert.Equal(GatewayStoreError.MigrationFailed, failure.Error);
        Assert.False(await RawSqlite.TableExistsAsync(harness.DatabasePath, "extra"));
        Assert.False(await RawSqlite.TableExistsAsync(harness.DatabasePath, "transactions"));
        await using var store = await OpenAsync();
        Assert.Equal(EmbeddedMigrations.Load().Select(m => m.Version), store.MigrationsAppliedAtOpen);
    }

    [Fact]
    public async Task A_new_migration_is_applied_to_an_existing_database_and_recorded()
    {
        await (await OpenAsync()).DisposeAsync();
        var added = new Migration(9000, "9000_added", "CREATE TABLE extra (x INTEGER);");

        await using var store = await OpenAsync([.. EmbeddedMigrations.Load(), added]);

        Assert.Equal([9000], store.MigrationsAppliedAtOpen);
        Assert.Equal([.. EmbeddedMigrations.Load().Select(m => m.Version), 9000], await store.GetAppliedMigrationsAsync(Ct));
        Assert.True(await RawSqlite.TableExistsAsync(harness.DatabasePath, "extra"));
    }

    [Fact]
    public void Embedded_migrations_are_numbered_from_1_without_repeats_and_gaps_are_allowed()
    {
        Assert.Equal("0001_initial", EmbeddedMigrations.Load()[0].Name);
        Assert.Contains("0005_received_documents", EmbeddedMigrations.Load().Select(m => m.Name));
        Assert.Contains("0004_content_retention", EmbeddedMigrations.Load().Select(m => m.Name));
        Assert.Contains("0006_operator_audit", EmbeddedMigrations.Load().Select(m => m.Name));
        Assert.Equal([1, 3], EmbeddedMigrations.Validate([new Migration(3, "c", ""), new Migration(1, "a", "")]).Select(m => m.Version));
        Assert.Throws<InvalidOperationException>(() => EmbeddedMigrations.Validate([new Migration(1, "a", ""), new Migration(1, "b", "")]));
        Assert.Equal(EmbeddedMigrations.Load()[^1].Version, SqliteGatewayStore.SchemaVersion);
    }

    [Fact]
    public async Task A_zero_length_store_stops_the_open_as_corrupt_and_is_never_reset()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(harness.DatabasePath)!);
        await File.WriteAllBytesAsync(harness.DatabasePath, []);

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(OpenAsync);

        Assert.Equal(GatewayStoreError.Corrupt, failure.Error);
        Assert.Contains(harness.DatabasePath, failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(harness.DatabasePath).Length);
    }

    [Fact]
    public async Task A_store_that_is_not_a_database_stops_the_open_as_corrupt_and_is_left_as_it_was()
    {
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        Directory.CreateDirectory(Path.GetDirectoryName(harness.DatabasePath)!);
        await File.WriteAllBytesAsync(harness.DatabasePath, garbage);

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(OpenAsync);

        Assert.Equal(GatewayStoreError.Corrupt, failure.Error);
        Assert.Contains(harness.DatabasePath, failure.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(harness.DatabasePath));
    }

    [Fact]
    public async Task A_store_whose_pages_are_damaged_stops_the_open_as_corrupt()
    {
        await (await OpenAsync()).DisposeAsync();
        var bytes = await File.ReadAllBytesAsync(harness.DatabasePath);
        // Keep the 100-byte header (a valid SQLite file) and overwrite the schema page: sqlite_master cannot be read.
        Array.Fill(bytes, (byte)0xA5, 100, Math.Min(bytes.Length, 4096) - 100);
        await File.WriteAllBytesAsync(harness.DatabasePath, bytes);

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(OpenAsync);

        Assert.Equal(GatewayStoreError.Corrupt, failure.Error);
    }

    [Fact]
    public async Task The_database_is_in_WAL_mode_with_durable_commits_and_a_busy_timeout()
    {
        await using var store = await OpenAsync();
        var connector = new SqliteConnector(harness.Options with { BusyTimeout = TimeSpan.FromSeconds(7) });
        await using var connection = await connector.OpenAsync(Ct);
        var session = new SqlSession(connection, null);

        Assert.Equal("wal", await session.ScalarAsync("PRAGMA journal_mode", [], Ct));
        Assert.Equal(2L, await session.ScalarAsync("PRAGMA synchronous", [], Ct));
        Assert.Equal(7000L, await session.ScalarAsync("PRAGMA busy_timeout", [], Ct));
        Assert.Equal(1L, await session.ScalarAsync("PRAGMA foreign_keys", [], Ct));
    }

    [Fact]
    public async Task A_reader_is_not_blocked_by_an_open_unit_of_work()
    {
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options with { BusyTimeout = TimeSpan.FromMilliseconds(100) }, TimeProvider.System, Ct);
        await using var work = await store.BeginAsync(Ct);
        await work.Transactions.AddAsync(Transaction("T1"), Ct);

        var page = await store.ListTransactionsAsync(new ListFilter<Transactions.TransactionState>(), Ct);
        var counts = await store.CountTransactionsByStateAsync(Ct);

        Assert.Equal(0, page.Total);
        Assert.All(counts.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task A_writer_that_cannot_get_the_lock_within_the_busy_timeout_fails_as_unavailable()
    {
        await using var store = await OpenAsync();
        await using var impatient = await SqliteGatewayStore.OpenAsync(harness.Options with { BusyTimeout = TimeSpan.FromMilliseconds(50) }, TimeProvider.System, Ct);
        await using var holder = await store.BeginAsync(Ct);

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => impatient.BeginAsync(Ct));

        Assert.Equal(GatewayStoreError.Unavailable, failure.Error);
    }

    [Fact]
    public async Task A_unit_of_work_waiting_in_the_same_process_beyond_the_busy_timeout_fails_as_unavailable()
    {
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options with { BusyTimeout = TimeSpan.FromMilliseconds(50) }, TimeProvider.System, Ct);
        await using (var holder = await store.BeginAsync(Ct))
        {
            var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => store.BeginAsync(Ct));
            Assert.Equal(GatewayStoreError.Unavailable, failure.Error);
        }

        await using var next = await store.BeginAsync(Ct);
        Assert.True(await next.Inbox.RegisterAsync(GatewaySamples.Inbound("M1"), Bytes("M1"), Ct));
    }

    [Fact]
    public async Task A_path_that_cannot_be_a_database_fails_as_unavailable()
    {
        Directory.CreateDirectory(harness.DatabasePath);

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(OpenAsync);

        Assert.Equal(GatewayStoreError.Unavailable, failure.Error);
    }

    [Fact]
    public async Task Committed_work_is_in_the_files_while_the_store_is_still_open_and_uncommitted_work_is_not()
    {
        await using var store = await OpenAsync();
        await using (var work = await store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(GatewaySamples.Inbound("M1"), Bytes("M1"), Ct);
            await work.CommitAsync(Ct);
        }

        await using var open = await store.BeginAsync(Ct);
        await open.Inbox.RegisterAsync(GatewaySamples.Inbound("M2"), Bytes("M2"), Ct);
        var copy = Path.Combine(Path.GetDirectoryName(harness.DatabasePath)!, "crash-image", "gateway.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(harness.DatabasePath, copy);
        File.Copy(harness.DatabasePath + "-wal", copy + "-wal");

        await using var recovered = await SqliteGatewayStore.OpenAsync(new SqliteGatewayStoreOptions(copy), TimeProvider.System, Ct);
        Assert.Equal(Bytes("M1"), await recovered.GetInboundContentAsync("M1", Ct));
        Assert.Null(await recovered.GetInboundAsync("M2", Ct));
    }

    private Task<SqliteGatewayStore> OpenAsync() => SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);

    private Task<SqliteGatewayStore> OpenAsync(IReadOnlyList<Migration> migrations) =>
        SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, migrations, Ct);
}
