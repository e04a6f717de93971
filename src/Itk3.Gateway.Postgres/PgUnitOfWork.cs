using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>One pooled connection and one READ COMMITTED transaction whose reads lock their rows; rolled back when disposed uncommitted.</summary>
internal sealed class PgUnitOfWork : IGatewayUnitOfWork
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly PgSession session;
    private bool finished;

    private readonly WriteHealth health;

    public PgUnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, WriteHealth health)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.health = health;
        session = new PgSession(connection, transaction, writable: true, health);
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
            await transaction.CommitAsync(cancellationToken);
            health.Committed();
        }
        catch (NpgsqlException exception)
        {
            throw session.Fail(exception);
        }
        finally
        {
            finished = true;
            session.Closed = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        session.Closed = true;
        finished = true;
        try
        {
            // Rolls back when not committed; a broken connection has nothing left to roll back.
            await transaction.DisposeAsync();
        }
        catch (NpgsqlException)
        {
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
