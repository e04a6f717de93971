using Itk3.Gateway.Configuration;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Postgres;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Itk3.Gateway.Transport;
using Itk3.Gateway.Transport.Mesh;
using Itk3.Mesh;
using Itk3.Testing.Gateway;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Tests;

/// <summary>Two instances of one node on one PostgreSQL schema store inbox batches that answer the same transactions in opposite orders.</summary>
public sealed class InboundLockOrderTests : IAsyncDisposable
{
    private const int Transactions = 40;
    private const int Rounds = 3;
    private const int StoreConflictEvent = 1053;
    private const int MaxDeadlockAttempts = 5;
    private readonly string schema = TestPostgres.NewSchema();

    [PostgresFact]
    public async Task Report_batches_for_the_same_transactions_in_opposite_orders_both_commit_without_a_lock_conflict()
    {
        await using var storeA = await OpenAsync();
        await using var storeB = await OpenAsync();
        await AddSentTransactionsAsync(storeA);
        using var logA = new RecordingLoggerProvider();
        using var logB = new RecordingLoggerProvider();
        var instanceA = Processor(storeA, logA);
        var instanceB = Processor(storeB, logB);
        await WarmUpAsync(storeA);
        await WarmUpAsync(storeB);

        // Without a common lock order, A holds the low transactions and waits for the high ones B holds, and B the reverse. A few
        // rounds, so that the two batches overlap in at least one of them however the machine schedules them.
        for (var round = 0; round < Rounds; round++)
        {
            var ascending = Enumerable.Range(0, Transactions).Select(i => Report($"A{round}", i)).ToList();
            var descending = Enumerable.Range(0, Transactions).Reverse().Select(i => Report($"B{round}", i)).ToList();
            await Task.WhenAll(
                Task.Run(() => instanceA.StoreBatchAsync(ascending, CancellationToken.None)),
                Task.Run(() => instanceB.StoreBatchAsync(descending, CancellationToken.None)));
        }

        for (var i = 0; i < Transactions; i++)
        {
            var detail = await storeA.GetTransactionAsync(TransactionId(i), CancellationToken.None);
            Assert.Equal(2 * Rounds, detail!.Timeline.Count(e => e.Kind == TransactionEventKind.MeshReport));
        }

        Assert.Equal(2 * Rounds * Transactions, (await storeA.ListInboundAsync(new Store.ListFilter<InboundState>(), CancellationToken.None)).Total);
        Assert.DoesNotContain(logA.Events.Concat(logB.Events), e => e.EventId == StoreConflictEvent);
    }

    [PostgresFact]
    public async Task A_batch_that_loses_a_deadlock_is_run_again_whole_and_its_messages_are_stored_once()
    {
        await using var store = await OpenAsync();
        await AddSentTransactionsAsync(store);
        using var log = new RecordingLoggerProvider();
        var instance = Processor(store, log);

        // PostgreSQL rolls back the session whose deadlock check (deadlock_timeout after it began to wait) finds the cycle.
        // The batch waits first, so it is normally the one; on a slow machine the other session may close the cycle only
        // after the batch's check, and then loses itself. The scenario is run again (new reports) until the batch loses.
        var attempts = 0;
        while (!await BatchLosesDeadlockAsync(instance, $"A{attempts++}"))
        {
            Assert.True(attempts < MaxDeadlockAttempts, $"The batch never lost the deadlock in {attempts} attempts.");
        }

        Assert.Contains(log.Events, e => e.EventId == StoreConflictEvent);
        var inbound = await store.ListInboundAsync(new Store.ListFilter<InboundState>(), CancellationToken.None);
        Assert.Equal(attempts * Transactions, inbound.Total);
        for (var i = 0; i < Transactions; i++)
        {
            var detail = await store.GetTransactionAsync(TransactionId(i), CancellationToken.None);
            Assert.Equal(attempts, detail!.Timeline.Count(e => e.Kind == TransactionEventKind.MeshReport));
        }
    }

    /// <summary>
    /// Another instance's unit of work holds the last transaction; the batch locks the others and waits for it; then that
    /// unit of work asks for the first one: a cycle. True when PostgreSQL rolled the batch back (the other then commits).
    /// </summary>
    private async Task<bool> BatchLosesDeadlockAsync(InboundProcessor instance, string batchName)
    {
        await using var other = await OtherInstanceAsync();
        await other.LockAsync(TransactionId(Transactions - 1));
        var batch = Task.Run(() => instance.StoreBatchAsync(Enumerable.Range(0, Transactions).Select(i => Report(batchName, i)).ToList(), CancellationToken.None));
        await other.WaitUntilBlockingAsync();
        try
        {
            await other.LockAsync(TransactionId(0));
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected)
        {
            await other.DisposeAsync();
            await batch;
            return false;
        }

        await other.CommitAsync();
        await batch;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (TestPostgres.ConnectionString is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropSchemaAsync(schema);
        }
    }

    private static string TransactionId(int i) => $"tx-{i:000}";

    private static string SentMeshId(int i) => $"20261202000000000000_SENT{i:000}";

    private static PreparedMessage Report(string batch, int i) =>
        new(new IncomingEnvelope($"20261202000000000000_REP{batch}{i:000}", IsReport: true, "X26GP001", "X26HOS01", "TOC_FHIR_IP_DISCH", ReadOnlyMemory<byte>.Empty)
        {
            LinkedMessageId = SentMeshId(i),
            StatusCode = "00",
            StatusDescription = "Transferred to recipient mailbox",
            StatusSuccess = true,
        },
        null);

    private static async Task WarmUpAsync(PostgresGatewayStore store)
    {
        await using var work = await store.BeginAsync(CancellationToken.None);
        await work.CommitAsync(CancellationToken.None);
    }

    private Task<PostgresGatewayStore> OpenAsync() =>
        PostgresGatewayStore.OpenAsync(new PostgresGatewayStoreOptions(TestPostgres.RequireConnectionString()) { Schema = schema }, TimeProvider.System, CancellationToken.None);

    private static async Task AddSentTransactionsAsync(PostgresGatewayStore store)
    {
        await using var work = await store.BeginAsync(CancellationToken.None);
        for (var i = 0; i < Transactions; i++)
        {
            var transaction = GatewaySamples.Transaction(TransactionId(i)) with { MeshMessageId = SentMeshId(i), State = TransactionState.Sent };
            Assert.True(await work.Transactions.AddAsync(transaction, CancellationToken.None));
        }

        await work.CommitAsync(CancellationToken.None);
    }

    private async Task<OtherInstance> OtherInstanceAsync()
    {
        var connection = new Npgsql.NpgsqlConnection(TestPostgres.RequireConnectionString());
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var path = new Npgsql.NpgsqlCommand($"SET LOCAL search_path TO {schema}", connection, transaction))
        {
            await path.ExecuteNonQueryAsync();
        }

        return new OtherInstance(connection, transaction);
    }

    private static InboundProcessor Processor(PostgresGatewayStore store, RecordingLoggerProvider log)
    {
        var mesh = new MeshClient(new MeshClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/"), MailboxId = "X26HOS01", Password = "unused", SharedKey = "unused" });
        var services = new GatewayNodeServices
        {
            Options = NodeFactory.Options("X26HOS01", "RXX01", Path.GetTempPath()),
            Store = store,
            Queries = store,
            Transport = new MeshMessageTransport(mesh, "X26HOS01"),
            Retry = new RetryPolicy(new Random(1)),
        };
        var events = new NodeEvents(log.CreateLogger("test"), new GatewayMetrics(), new NodeStatus(), TimeProvider.System);
        return new InboundProcessor(services, new RecentReads(), events);
    }

    /// <summary>A raw unit of work on its own connection, as another instance's: it locks transactions one by one when told.</summary>
    private sealed class OtherInstance(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async Task LockAsync(string transactionId)
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT 1 FROM transactions WHERE id = @id FOR UPDATE", connection, transaction);
            command.Parameters.AddWithValue("@id", transactionId);
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>Waits until some other session waits for a lock this one holds.</summary>
        public async Task WaitUntilBlockingAsync()
        {
            await using var watcher = new Npgsql.NpgsqlConnection(TestPostgres.RequireConnectionString());
            await watcher.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE @pid = ANY(pg_blocking_pids(pid)))", watcher);
            command.Parameters.AddWithValue("@pid", connection.ProcessID);
            await Eventually.GetAsync(async () => (bool)(await command.ExecuteScalarAsync())!, blocked => blocked);
        }

        public Task CommitAsync() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
