using Itk3.Gateway.Audit;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Itk3.Testing.Gateway;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Gateway.Postgres.Tests;

/// <summary>Statements the store sends with the next round trip or the COMMIT (timeline events and updates of rows the unit of work
/// holds locked, audit entries, received documents): when one of them fails, or the connection dies before they are sent, the unit of
/// work fails as a whole and nothing of it is kept.</summary>
public sealed class PipelinedStatementsTests : IAsyncLifetime
{
    private readonly PgTestDatabase database = new();
    private PostgresGatewayStore? store;

    private static CancellationToken Ct => CancellationToken.None;

    private PostgresGatewayStore Store => store!;

    public async Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is null)
        {
            store = await database.OpenAsync("a");
        }
    }

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_queued_statement_the_server_rejects_fails_the_commit_and_nothing_of_the_unit_of_work_is_kept()
    {
        // A real server-side failure of the queued audit insert: a constraint it breaks.
        await database.ScalarAsync("ALTER TABLE audit_events ADD CONSTRAINT test_reject CHECK (note IS DISTINCT FROM 'reject')");
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Transactions.AddAsync(Transaction("T1"), Ct));
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(1), TransactionEventKind.Created), Ct);
            Assert.True(await work.Transactions.UpdateAsync(Transaction("T1") with { State = TransactionState.Sent, UpdatedAt = At(2) }, Ct));
            await work.Audit.AppendAsync(new AuditEvent(At(2), "operator", AuditAction.Resolved, AuditSubject.OutboxItem, "O1") { Note = "reject" }, Ct);

            var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => work.CommitAsync(Ct));
            Assert.Equal(GatewayStoreError.Unavailable, failure.Error);
        }

        Assert.Null(await Store.GetTransactionAsync("T1", Ct));
        Assert.Equal(0L, await database.ScalarAsync("SELECT COUNT(*) FROM transaction_events"));

        // The connection went back to the pool rolled back: the next unit of work on it commits.
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Transactions.AddAsync(Transaction("T2"), Ct));
            await work.Transactions.AppendEventAsync(new TransactionEvent("T2", At(1), TransactionEventKind.Created), Ct);
            await work.CommitAsync(Ct);
        }

        Assert.Equal(TransactionState.Queued, (await Store.GetTransactionAsync("T2", Ct))!.Transaction.State);
        Assert.Equal(1L, await database.ScalarAsync("SELECT COUNT(*) FROM transaction_events WHERE transaction_id = 'T2'"));
    }

    [PostgresFact]
    public async Task Queued_statements_of_a_unit_of_work_whose_connection_dies_are_lost_with_it_and_the_commit_fails()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Transactions.AddAsync(Transaction("T1"), Ct));
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(1), TransactionEventKind.Created), Ct);
            await work.Audit.AppendAsync(new AuditEvent(At(2), "operator", AuditAction.Resolved, AuditSubject.OutboxItem, "O1"), Ct);
            Assert.True(await database.KillConnectionsAsync("a") > 0);

            await Assert.ThrowsAsync<GatewayStoreException>(() => work.CommitAsync(Ct));
        }

        Assert.Null(await Store.GetTransactionAsync("T1", Ct));
        Assert.Equal(0L, await database.ScalarAsync("SELECT COUNT(*) FROM audit_events"));
    }

    [PostgresFact]
    public async Task Reads_in_a_unit_of_work_see_its_queued_writes_and_an_empty_unit_of_work_commits()
    {
        await using (var empty = await Store.BeginAsync(Ct))
        {
            await empty.CommitAsync(Ct);
        }

        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Transactions.AddAsync(Transaction("T1"), Ct));
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(1), TransactionEventKind.Created), Ct);
            await work.Transactions.AppendEventAsync(new TransactionEvent("T1", At(2), TransactionEventKind.Sent), Ct);
            Assert.True(await work.Transactions.UpdateAsync(Transaction("T1") with { State = TransactionState.Sent, UpdatedAt = At(2) }, Ct));

            Assert.Equal([TransactionEventKind.Created, TransactionEventKind.Sent], (await work.Transactions.GetTimelineAsync("T1", Ct)).Select(e => e.Kind));
            Assert.Equal(TransactionState.Sent, (await work.Transactions.GetAsync("T1", Ct))!.State);
            await work.CommitAsync(Ct);
        }

        Assert.Equal(TransactionState.Sent, (await Store.GetTransactionAsync("T1", Ct))!.Transaction.State);
    }
}
