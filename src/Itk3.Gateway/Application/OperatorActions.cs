using Itk3.Gateway.Audit;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Application;

/// <summary>Requeue and resolve on the outbox and delivery queues, and resolving what needs attention; each recorded atomically with its change (audit log, and the transaction's timeline when there is one).</summary>
internal sealed class OperatorActions(GatewayNodeServices services, NodeSignals signals)
{
    private const string SendDeadLettered = "send dead-lettered";

    /// <summary>Puts a dead-lettered or waiting item back in its queue, due now; a transaction failed only because its send was given up is reopened.</summary>
    public Task<OperatorActionResult> RequeueAsync(QueueKind queue, string id, OperatorAction action, CancellationToken cancellationToken) =>
        ActAsync(queue, id, action, AuditAction.Requeued, cancellationToken);

    /// <summary>Closes a dead-lettered or waiting item for good, with the operator's note.</summary>
    public Task<OperatorActionResult> ResolveAsync(QueueKind queue, string id, OperatorAction action, CancellationToken cancellationToken) =>
        ActAsync(queue, id, action, AuditAction.Resolved, cancellationToken);

    /// <summary>Takes a failed or timed-out transaction, or a rejected or dead-lettered received message, off the needs-attention lists.</summary>
    public async Task<OperatorActionResult> ResolveAttentionAsync(AuditSubject subject, string id, OperatorAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var now = services.Clock.GetUtcNow();
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        var entry = new AuditEvent(now, action.Actor, AuditAction.Resolved, subject, id) { Note = action.Note };
        if (subject == AuditSubject.Transaction)
        {
            if (await work.Transactions.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                return OperatorActionResult.NotFound;
            }

            entry = entry with { TransactionId = id };
            await work.Transactions.AppendEventAsync(TimelineEvent(id, now, entry), cancellationToken).ConfigureAwait(false);
        }
        else if (subject == AuditSubject.InboundMessage && await work.Inbox.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } message)
        {
            entry = entry with { SubjectId = message.MeshMessageId, InboundMeshMessageId = message.MeshMessageId, TransactionId = message.TransactionId };
        }
        else
        {
            return OperatorActionResult.NotFound;
        }

        await work.Audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return OperatorActionResult.Done;
    }

    /// <summary>The timeline entry for an operator's action: who, what, and the note.</summary>
    public static TransactionEvent TimelineEvent(string transactionId, DateTimeOffset at, AuditEvent entry) =>
        new(transactionId, at, TransactionEventKind.OperatorAction,
            $"{entry.Action} {Describe(entry.Subject)} by {entry.Actor}{(string.IsNullOrWhiteSpace(entry.Note) ? string.Empty : ": " + entry.Note)}");

    private async Task<OperatorActionResult> ActAsync(QueueKind queue, string id, OperatorAction action, AuditAction what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var now = services.Clock.GetUtcNow();
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        var target = await FindAsync(work, queue, id, now, action, what, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return OperatorActionResult.NotFound;
        }

        var changed = (queue, what) switch
        {
            (QueueKind.Outbox, AuditAction.Requeued) => await work.Outbox.RequeueAsync(id, now, cancellationToken).ConfigureAwait(false),
            (QueueKind.Outbox, _) => await work.Outbox.ResolveAsync(id, now, cancellationToken).ConfigureAwait(false),
            (_, AuditAction.Requeued) => await work.Deliveries.RequeueAsync(id, now, cancellationToken).ConfigureAwait(false),
            _ => await work.Deliveries.ResolveAsync(id, now, cancellationToken).ConfigureAwait(false),
        };
        if (!changed)
        {
            return OperatorActionResult.Conflict;
        }

        await work.Audit.AppendAsync(target.Entry, cancellationToken).ConfigureAwait(false);
        if (target.Entry.TransactionId is { } transactionId && await work.Transactions.GetAsync(transactionId, cancellationToken).ConfigureAwait(false) is { } transaction)
        {
            await work.Transactions.AppendEventAsync(TimelineEvent(transactionId, now, target.Entry), cancellationToken).ConfigureAwait(false);
            if (what == AuditAction.Requeued && target.IsPayloadOf(transaction) && transaction is { State: TransactionState.Failed, FailureDetail: SendDeadLettered })
            {
                await work.Transactions.UpdateAsync(transaction with { State = TransactionState.Queued, FailureCode = null, FailureDetail = null, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
            }
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        (queue == QueueKind.Outbox ? signals.Outbox : signals.Deliveries).Set();
        return OperatorActionResult.Done;
    }

    private static async Task<Target?> FindAsync(
        IGatewayUnitOfWork work, QueueKind queue, string id, DateTimeOffset now, OperatorAction action, AuditAction what, CancellationToken cancellationToken)
    {
        if (queue == QueueKind.Outbox)
        {
            return await work.Outbox.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } item
                ? new Target(
                    new AuditEvent(now, action.Actor, what, AuditSubject.OutboxItem, id)
                    {
                        TransactionId = item.TransactionId, InboundMeshMessageId = item.InboundMeshMessageId, Note = action.Note,
                    },
                    item.LocalId)
                : null;
        }

        return await work.Deliveries.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } delivery
            ? new Target(new AuditEvent(now, action.Actor, what, AuditSubject.Delivery, id) { InboundMeshMessageId = delivery.InboundMeshMessageId, Note = action.Note }, null)
            : null;
    }

    private static string Describe(AuditSubject subject) => subject switch
    {
        AuditSubject.OutboxItem => "MESH send",
        AuditSubject.Delivery => "delivery",
        AuditSubject.InboundMessage => "received message",
        _ => "transaction",
    };

    private sealed record Target(AuditEvent Entry, string? LocalId)
    {
        public bool IsPayloadOf(OutboundTransaction transaction) => LocalId == transaction.MessageHeaderId;
    }
}
