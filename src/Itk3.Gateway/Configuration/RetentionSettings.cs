namespace Itk3.Gateway.Configuration;

/// <summary>
/// How long payload bytes are kept, in days per kind; null keeps them. The purge blanks the bytes of finished items only
/// and keeps the transaction record (timeline, states, ids, codes). See docs/gateway-store.md.
/// </summary>
public sealed record RetentionSettings
{
    /// <summary>Received messages (<c>inbound_messages.content</c>) finished (delivered, reported, complete or rejected) and acknowledged on MESH, counted from receipt.</summary>
    public double? InboundMessageDays { get; init; }

    /// <summary>Sent outbox items (payloads and responses) counted from when they were sent.</summary>
    public double? OutboxDays { get; init; }

    /// <summary>Deliveries the application took, counted from delivery.</summary>
    public double? DeliveryDays { get; init; }

    /// <summary>Submitted files the drop folder moved to <c>done/</c>, counted from their last write (files in <c>failed/</c> are kept for the operator).</summary>
    public double? DropFolderArchiveDays { get; init; }

    /// <summary>How often the node's background purge runs (default hourly).</summary>
    public TimeSpan PurgeInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>True when any kind has a retention period.</summary>
    public bool IsEnabled => InboundMessageDays is not null || OutboxDays is not null || DeliveryDays is not null || DropFolderArchiveDays is not null;
}
