using Itk3.Gateway.Audit;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Store;

/// <summary>One atomic set of changes (inbox, transactions, outbox and deliveries together); reads see its own writes.</summary>
public interface IGatewayUnitOfWork : IAsyncDisposable
{
    /// <summary>Received MESH messages.</summary>
    IInboxStore Inbox { get; }

    /// <summary>Outbound transactions, their timelines and responses.</summary>
    ITransactionStore Transactions { get; }

    /// <summary>MESH sends waiting to go.</summary>
    IOutboxStore Outbox { get; }

    /// <summary>Payloads waiting for the local application.</summary>
    IDeliveryStore Deliveries { get; }

    /// <summary>Operator actions and payload views.</summary>
    IAuditStore Audit { get; }

    /// <summary>Makes every change durable and visible at once; the unit of work cannot be used afterwards.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
