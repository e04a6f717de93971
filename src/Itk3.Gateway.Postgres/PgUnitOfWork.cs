using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>One pooled connection and one READ COMMITTED transaction whose reads lock their rows; rolled back when disposed uncommitted.
/// BEGIN goes with the first statement and COMMIT with the last queued ones (<see cref="PgSession"/>), so an empty unit of work costs no round trip.</summary>
internal sealed class PgUnitOfWork : IGatewayUnitOfWork
{
    private readonly NpgsqlConnection connection;
    private readonly PgSession session;
    private bool finished;
    private bool committed;

    private readonly WriteHealth health;

    public PgUnitOfWork(NpgsqlConnection connection, WriteHealth health)
    {
        this.connection = connection;
        this.health = health;
        session = new PgSession(connection, transaction: null, writable: true, health);
        Inbox = new PgInboxStore(session);
        Transactions = new PgTransactionStore(session);
        Outbox = new PgOutboxStore(session);
        Deliveries = new PgDeliveryStore(session);
        Audit = new PgAuditStore(session);
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
            await session.CommitAsync(cancellationToken);
            committed = true;
            health.Committed();
        }
        finally
        {
            finished = true;
            session.Closed = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!committed)
            {
                // Rolls back when not committed (or the commit failed); a broken connection has nothing left to roll back.
                await session.RollbackAsync();
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
        }
        finally
        {
            session.Closed = true;
            finished = true;
            await connection.DisposeAsync();
        }
    }
}
