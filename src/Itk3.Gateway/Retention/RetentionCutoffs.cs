namespace Itk3.Gateway.Retention;

/// <summary>Per kind, the instant before which finished items lose their bytes; null keeps that kind.</summary>
/// <param name="InboundMessages">Received messages received before this.</param>
/// <param name="OutboxItems">Outbox items sent before this.</param>
/// <param name="Deliveries">Deliveries delivered before this.</param>
public sealed record RetentionCutoffs(DateTimeOffset? InboundMessages, DateTimeOffset? OutboxItems, DateTimeOffset? Deliveries);
