using Itk3.Gateway.Store;

namespace Itk3.Gateway.Application;

/// <summary>A health snapshot of a gateway node: recorded facts, and the <see cref="Status"/> computed from them.</summary>
/// <param name="StoreReachable">Whether the store answered.</param>
/// <param name="MeshReachable">Whether the last MESH call succeeded (or a handshake just did).</param>
/// <param name="PendingOutbox">Outbox items waiting to be sent.</param>
/// <param name="PendingDeliveries">Deliveries waiting for the application.</param>
/// <param name="OpenTransactions">Transactions not yet complete, failed or timed out.</param>
/// <param name="NeedingAttention">Failed and timed-out transactions, rejected or dead-lettered messages, and waiting or dead-lettered sends and deliveries.</param>
public sealed record GatewayHealth(bool StoreReachable, bool MeshReachable, int PendingOutbox, int PendingDeliveries, int OpenTransactions, int NeedingAttention)
{
    /// <summary>When MESH last answered a call of this node.</summary>
    public DateTimeOffset? MeshLastSuccessAt { get; init; }

    /// <summary>Since when MESH calls have been failing; null while MESH answers.</summary>
    public DateTimeOffset? MeshFailingSince { get; init; }

    /// <summary>When the MESH client certificate expires, when one is configured.</summary>
    public DateTimeOffset? CertificateExpiresAt { get; init; }

    /// <summary>Age of the oldest outbox item waiting to be sent (as last sampled).</summary>
    public TimeSpan OldestOutboxAge { get; init; }

    /// <summary>Age of the oldest delivery waiting for the application (as last sampled).</summary>
    public TimeSpan OldestDeliveryAge { get; init; }

    /// <summary>Free bytes on the disk holding the data folder, when known.</summary>
    public long? FreeDiskBytes { get; init; }


    /// <summary>Outbox items still retried after their fast retries, or dead-lettered.</summary>
    public int WaitingOutbox { get; init; }

    /// <summary>Deliveries still retried after their fast retries, or dead-lettered.</summary>
    public int WaitingDeliveries { get; init; }

    /// <summary>Received messages left at MESH because their download failed; each is downloaded again after a backoff.</summary>
    public int FailingDownloads { get; init; }

    /// <summary>Why the store's last write failed (a full disk, a damaged file), or null when the last write committed.</summary>
    public GatewayStoreError? StoreWriteError { get; init; }

    /// <summary>Unhealthy when the store cannot be read or written; degraded when MESH is unreachable or work is waiting; else healthy.</summary>
    public HealthStatus Status =>
        !StoreReachable || StoreWriteError is not null ? HealthStatus.Unhealthy
        : !MeshReachable || WaitingOutbox + WaitingDeliveries + FailingDownloads > 0 ? HealthStatus.Degraded
        : HealthStatus.Healthy;

    /// <summary>Whether the node is healthy.</summary>
    public bool IsHealthy => Status == HealthStatus.Healthy;
}
