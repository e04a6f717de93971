namespace Itk3.Gateway.Application;

/// <summary>A health snapshot of a gateway node.</summary>
/// <param name="StoreReachable">Whether the store answered.</param>
/// <param name="MeshReachable">Whether the last MESH call succeeded (or a handshake just did).</param>
/// <param name="PendingOutbox">Outbox items waiting to be sent.</param>
/// <param name="PendingDeliveries">Deliveries waiting for the application.</param>
/// <param name="OpenTransactions">Transactions not yet complete, failed or timed out.</param>
/// <param name="NeedingAttention">Dead letters, failed and timed-out transactions, rejected messages.</param>
public sealed record GatewayHealth(bool StoreReachable, bool MeshReachable, int PendingOutbox, int PendingDeliveries, int OpenTransactions, int NeedingAttention)
{
    /// <summary>Whether the node is healthy (store and MESH reachable).</summary>
    public bool IsHealthy => StoreReachable && MeshReachable;
}
