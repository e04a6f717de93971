using Itk3.Gateway.Application;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>The node's health: store, MESH, backlogs and what needs attention.</summary>
/// <param name="Status">healthy, degraded (MESH unreachable, or sends, deliveries or downloads waiting) or unhealthy (store unreachable, full or damaged).</param>
/// <param name="StoreReachable">Whether the store answered.</param>
/// <param name="MeshReachable">Whether MESH answered.</param>
/// <param name="PendingOutbox">Outbox items waiting to be sent.</param>
/// <param name="PendingDeliveries">Deliveries waiting for the application.</param>
/// <param name="OpenTransactions">Transactions not yet complete, failed or timed out.</param>
/// <param name="NeedingAttention">Failed or timed-out transactions, rejected messages, dead letters, and waiting sends, deliveries and downloads.</param>
public sealed record HealthView(string Status, bool StoreReachable, bool MeshReachable, int PendingOutbox, int PendingDeliveries, int OpenTransactions, int NeedingAttention)
{
    /// <summary>Sends still retried after their fast retries (or dead-lettered).</summary>
    public int WaitingOutbox { get; init; }

    /// <summary>Deliveries still retried after their fast retries (or dead-lettered).</summary>
    public int WaitingDeliveries { get; init; }

    /// <summary>Received messages left at MESH because their download failed (downloaded again after a backoff).</summary>
    public int FailingDownloads { get; init; }

    /// <summary>Why the store cannot write: <c>storage-full</c> or <c>corrupt</c>; null when it can.</summary>
    public string? StoreError { get; init; }

    /// <summary>The view of a health snapshot.</summary>
    public static HealthView From(GatewayHealth h) => new(
        h.Status.ToString().ToLowerInvariant(), h.StoreReachable, h.MeshReachable, h.PendingOutbox, h.PendingDeliveries, h.OpenTransactions, h.NeedingAttention)
    {
        WaitingOutbox = h.WaitingOutbox,
        WaitingDeliveries = h.WaitingDeliveries,
        FailingDownloads = h.FailingDownloads,
        StoreError = h.StoreWriteError switch
        {
            Store.GatewayStoreError.StorageFull => "storage-full",
            Store.GatewayStoreError.Corrupt => "corrupt",
            null => null,
            _ => "unavailable",
        },
    };
}
