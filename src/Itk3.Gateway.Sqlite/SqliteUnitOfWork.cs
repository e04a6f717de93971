using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>One connection and one BEGIN IMMEDIATE transaction; rolled back when disposed uncommitted.</summary>
internal sealed class SqliteUnitOfWork : IGatewayUnitOfWork
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SqlSession session;
    private readonly IDisposable writerPass;
    private bool finished;

    private readonly WriteHealth health;

    public SqliteUnitOfWork(SqliteConnection connection, SqliteTransaction transaction, IDisposable writerPass, WriteHealth health)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.writerPass = writerPass;
        this.health = health;
        session = new SqlSession(connection, transaction, health);
        Inbox = new SqliteInboxStore(session);
        Transactions = new SqliteTransactionStore(session);
        Outbox = new SqliteOutboxStore(session);
        Deliveries = new SqliteDeliveryStore(session);
        Audit = new SqliteAuditStore(session);
    }

    public IInboxStore Inbox { get; }

    public ITransactionStore Transactions { get; }

    public IOutboxStore Outbox { get; }

    public IDeliveryStore Deliveries { get; }

    public IAuditStore Audit { get; }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        try
        {
            await transaction.CommitAsync(cancellationToken);
            health.Committed();
        }
        catch (SqliteException exception)
        {
            throw session.Fail(exception);
        }
        finally
        {
            finished = true;
            session.Closed = true;
            writerPass.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        session.Closed = true;
        finished = true;
        try
        {
            // Rolls back when not committed.
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            writerPass.Dispose();
        }
    }
}
