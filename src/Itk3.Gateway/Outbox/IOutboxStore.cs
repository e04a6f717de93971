using System.Buffers;
using Itk3.Gateway.Store;

namespace Itk3.Gateway.Outbox;

/// <summary>The outbox side of a unit of work: MESH sends, claimed with a lease by the dispatcher.</summary>
public interface IOutboxStore
{
    /// <summary>Queues a send; false when the id is already used.</summary>
    Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>Queues a send whose bytes are <paramref name="content"/> (in pieces) rather than <see cref="OutboxItem.Content"/>; false when
    /// the id is already used. By default the pieces are copied into one array; a store that can write them a piece at a time overrides it.</summary>
    Task<bool> EnqueueAsync(OutboxItem item, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return EnqueueAsync(item with { Content = content.ToArray() }, cancellationToken);
    }

    /// <summary>The item with this id, or null.</summary>
    Task<OutboxItem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Claims pending items that are due and not leased, oldest due first, counting an attempt on each.</summary>
    Task<IReadOnlyList<OutboxItem>> ClaimAsync(LeaseRequest request, CancellationToken cancellationToken);

    /// <summary>Marks a pending item sent with the MESH message id; false when it is not pending.</summary>
    Task<bool> MarkSentAsync(string id, string meshMessageId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt, releases the lease and makes it due again at <paramref name="nextAttemptAt"/> (backoff is the caller's); false when it is not pending.</summary>
    Task<bool> MarkFailedAsync(string id, string error, DateTimeOffset nextAttemptAt, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Flags a pending item whose fast retries ran out as waiting (needs attention); it stays pending and keeps being retried; false when it is not pending.</summary>
    Task<bool> MarkWaitingAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives a pending item up: it is not claimed again unless an operator requeues it; false when it is not pending.</summary>
    Task<bool> DeadLetterAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered item, or a pending one not claimed right now, back in the queue due at <paramref name="nextAttemptAt"/> (an operator's retry; attempts and last error are kept); false otherwise.</summary>
    Task<bool> RequeueAsync(string id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Closes a dead-lettered item, or a pending one not claimed at <paramref name="at"/>: it is never sent; false otherwise.</summary>
    Task<bool> ResolveAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
