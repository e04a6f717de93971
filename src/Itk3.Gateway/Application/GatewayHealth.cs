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

    /// <summary>Whether the node is healthy (store and MESH reachable).</summary>
    public bool IsHealthy => StoreReachable && MeshReachable;
}
