namespace Itk3.Gateway.Application;

/// <summary>A delivery handed out by the pull API.</summary>
/// <param name="DeliveryId">The id to acknowledge with.</param>
/// <param name="IdempotencyKey">The key the application deduplicates on (stable across redeliveries).</param>
/// <param name="MeshMessageId">The received message it comes from (the key for reporting the business outcome).</param>
/// <param name="Flow">The flow's workflow id, when known.</param>
/// <param name="Content">The ITK3 message bytes.</param>
public sealed record PulledDelivery(string DeliveryId, string IdempotencyKey, string? MeshMessageId, string? Flow, ReadOnlyMemory<byte> Content);
