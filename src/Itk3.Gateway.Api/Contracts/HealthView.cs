using Itk3.Gateway.Application;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>The node's health: store, MESH and backlogs.</summary>
/// <param name="Status">healthy (store and MESH reachable) or degraded.</param>
/// <param name="StoreReachable">Whether the store answered.</param>
/// <param name="MeshReachable">Whether MESH answered.</param>
/// <param name="PendingOutbox">Outbox items waiting to be sent.</param>
/// <param name="PendingDeliveries">Deliveries waiting for the application.</param>
/// <param name="OpenTransactions">Transactions not yet complete, failed or timed out.</param>
/// <param name="NeedingAttention">Failed or timed-out transactions, rejected messages and dead letters.</param>
public sealed record HealthView(string Status, bool StoreReachable, bool MeshReachable, int PendingOutbox, int PendingDeliveries, int OpenTransactions, int NeedingAttention)
{
    /// <summary>The view of a health snapshot.</summary>
    public static HealthView From(GatewayHealth h) => new(
        h.IsHealthy ? "healthy" : "degraded", h.StoreReachable, h.MeshReachable, h.PendingOutbox, h.PendingDeliveries, h.OpenTransactions, h.NeedingAttention);
}
