namespace Itk3.Gateway.Diagnostics;

/// <summary>A sample of the node's queues, taken periodically from the store.</summary>
/// <param name="At">When it was taken; null for the empty snapshot.</param>
/// <param name="PendingOutbox">Outbox items waiting to be sent.</param>
/// <param name="OldestOutbox">Age of the oldest waiting outbox item.</param>
/// <param name="PendingDeliveries">Deliveries waiting for the application.</param>
/// <param name="OldestDelivery">Age of the oldest waiting delivery.</param>
public sealed record QueueSnapshot(DateTimeOffset? At, int PendingOutbox, TimeSpan OldestOutbox, int PendingDeliveries, TimeSpan OldestDelivery)
{
    /// <summary>No sample yet.</summary>
    public static QueueSnapshot Empty { get; } = new(null, 0, TimeSpan.Zero, 0, TimeSpan.Zero);
}
