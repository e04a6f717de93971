namespace Itk3.Gateway.Delivery;

/// <summary>Hands an accepted payload to the local application; throws on failure (the delivery is retried with backoff).</summary>
public interface IDeliveryTarget
{
    /// <summary>Delivers the item; the application must deduplicate on <see cref="DeliveryItem.IdempotencyKey"/> (a crash can repeat a delivery it already took).</summary>
    Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken);
}
