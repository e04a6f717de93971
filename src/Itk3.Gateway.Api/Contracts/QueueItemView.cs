using Itk3.Gateway.Delivery;
using Itk3.Gateway.Outbox;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>An outbox item (MESH send) or a delivery to the application, without its content: where it is and what went wrong.</summary>
/// <param name="Id">The item id (the key of requeue and resolve).</param>
/// <param name="State">Pending, Sent or Delivered, DeadLettered, Resolved.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="LastError">The last failure code or reason, if any; never payload content.</param>
/// <param name="CreatedAt">When it was queued.</param>
public sealed record QueueItemView(string Id, string State, int Attempts, string? LastError, DateTimeOffset CreatedAt)
{
    /// <summary>When it is next due (pending items).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>When it was sent, delivered, dead-lettered, resolved or last failed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The flow (deliveries) or MESH workflow id (outbox).</summary>
    public string? Flow { get; init; }

    /// <summary>The MESH mailbox it goes to (outbox only).</summary>
    public string? RecipientMailbox { get; init; }

    /// <summary>The transaction it belongs to (outbox), if any.</summary>
    public string? TransactionId { get; init; }

    /// <summary>The received message it comes from or answers, if any.</summary>
    public string? InboundMeshMessageId { get; init; }

    /// <summary>The MESH message id it was sent as (outbox, once sent).</summary>
    public string? MeshMessageId { get; init; }

    /// <summary>The view of an outbox item.</summary>
    public static QueueItemView From(OutboxItem item) =>
        new(item.Id, item.State.ToString(), item.Attempts, item.LastError, item.CreatedAt)
        {
            NextAttemptAt = item.State == OutboxState.Pending ? item.NextAttemptAt : null, CompletedAt = item.CompletedAt, Flow = item.WorkflowId,
            RecipientMailbox = item.RecipientMailbox, TransactionId = item.TransactionId, InboundMeshMessageId = item.InboundMeshMessageId,
            MeshMessageId = item.MeshMessageId,
        };

    /// <summary>The view of a delivery.</summary>
    public static QueueItemView From(DeliveryItem item) =>
        new(item.Id, item.State.ToString(), item.Attempts, item.LastError, item.CreatedAt)
        {
            NextAttemptAt = item.State == DeliveryState.Pending ? item.NextAttemptAt : null, CompletedAt = item.CompletedAt, Flow = item.Flow,
            InboundMeshMessageId = item.InboundMeshMessageId,
        };
}
