using Itk3.Gateway.Application;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>An accepted inbound payload handed out by the pull API.</summary>
/// <param name="DeliveryId">The id to acknowledge with.</param>
/// <param name="IdempotencyKey">The key to deduplicate on (stable across redeliveries).</param>
/// <param name="MeshMessageId">The received message (the key for reporting the business outcome).</param>
/// <param name="Flow">The flow's workflow id, when known.</param>
/// <param name="Content">The ITK3 message bytes, base64-encoded.</param>
public sealed record DeliveryView(string DeliveryId, string IdempotencyKey, string? MeshMessageId, string? Flow, string Content)
{
    /// <summary>The view of a claimed delivery.</summary>
    public static DeliveryView From(PulledDelivery d) =>
        new(d.DeliveryId, d.IdempotencyKey, d.MeshMessageId, d.Flow, Convert.ToBase64String(d.Content.Span));
}
