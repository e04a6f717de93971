namespace Itk3.Gateway.Delivery;

/// <summary>Hands an accepted payload to the local application; throws on failure (the delivery is retried with backoff).</summary>
public interface IDeliveryTarget
{
    /// <summary>Delivers the item; the application must deduplicate on <see cref="DeliveryItem.IdempotencyKey"/> (a crash can repeat a delivery it already took).</summary>
    Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken);

    /// <summary>Delivers the item whose payload is <paramref name="content"/> (a readable, seekable stream at its start, read from the
    /// store as it is consumed) rather than <see cref="DeliveryItem.Content"/>. By default the payload is read into memory and handed
    /// to <see cref="DeliverAsync(DeliveryItem, CancellationToken)"/>; targets that can stream override it.</summary>
    async Task DeliverAsync(DeliveryItem item, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(content);
        var bytes = new byte[content.Length - content.Position];
        await content.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        await DeliverAsync(item with { Content = bytes }, cancellationToken).ConfigureAwait(false);
    }
}
