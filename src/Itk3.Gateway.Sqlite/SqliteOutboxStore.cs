using System.Buffers;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>The outbox of a SQLite unit of work.</summary>
internal sealed class SqliteOutboxStore : IOutboxStore
{
    private const string Columns =
        "id, recipient_mailbox, workflow_id, subject, local_id, content, transaction_id, inbound_mesh_message_id, state, " +
        "next_attempt_at, attempts, lease_until, claimed_by, mesh_message_id, completed_at, last_error, created_at, waiting_since, trace_parent, trace_state";

    /// <summary>The columns for read-side lists: the content is left out (an empty blob) to keep pages small.</summary>
    internal static readonly string ListColumns = LeasedQueue<OutboxItem>.WithoutContent(Columns);

    private static readonly string Insert = SqlText.InsertIgnoringConflicts("outbox", Columns + ", content_seq");

    private readonly SqlSession session;
    private readonly LeasedQueue<OutboxItem> queue;

    public SqliteOutboxStore(SqlSession session)
    {
        this.session = session;
        queue = new LeasedQueue<OutboxItem>(session, "outbox", Columns, Read);
    }

    public Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return EnqueueAsync(item, new ReadOnlySequence<byte>(item.Content), cancellationToken);
    }

    public async Task<bool> EnqueueAsync(OutboxItem item, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        // The payload goes into contents (a piece at a time when large): claiming and marking the item sent never rewrite it.
        return await StoredContent.InsertRowAsync(session, content, Insert, Parameters(item with { Content = ReadOnlyMemory<byte>.Empty }), cancellationToken);
    }

    /// <summary>Opens the content of an outbox item for reading straight from the database file (SqliteBlob), on a connection of its own that the stream closes; null when there is none.</summary>
    internal static Task<Stream?> OpenContentAsync(SqliteConnector connector, string id, CancellationToken cancellationToken) =>
        StoredContent.OpenAsync(connector, "outbox", id, cancellationToken);

    public Task<OutboxItem?> GetAsync(string id, CancellationToken cancellationToken) => queue.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ClaimAsync(LeaseRequest request, CancellationToken cancellationToken) =>
        queue.ClaimItemsAsync(request, cancellationToken);

    public Task<bool> MarkSentAsync(string id, string meshMessageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        queue.FinishAsync(id, nameof(OutboxState.Sent), at, MeshIds.Normalize(meshMessageId), cancellationToken);

    public Task<bool> MarkFailedAsync(string id, string error, DateTimeOffset nextAttemptAt, DateTimeOffset at, CancellationToken cancellationToken) =>
        queue.FailAsync(id, error, nextAttemptAt, at, cancellationToken);

    public Task<bool> MarkWaitingAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        queue.MarkWaitingAsync(id, at, cancellationToken);

    public Task<bool> DeadLetterAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        queue.DeadLetterAsync(id, reason, at, cancellationToken);

    public Task<bool> RequeueAsync(string id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        queue.RequeueAsync(id, nextAttemptAt, cancellationToken);

    public Task<bool> ResolveAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        queue.ResolveAsync(id, at, cancellationToken);

    internal static OutboxItem Read(SqliteDataReader r) =>
        new(r.String("id"), r.String("recipient_mailbox"), r.String("workflow_id"), r.Bytes("content"), r.Time("created_at"))
        {
            Subject = r.StringOrNull("subject"),
            LocalId = r.StringOrNull("local_id"),
            TransactionId = r.StringOrNull("transaction_id"),
            InboundMeshMessageId = r.StringOrNull("inbound_mesh_message_id"),
            State = r.Enum<OutboxState>("state"),
            NextAttemptAt = r.Time("next_attempt_at"),
            Attempts = r.Int("attempts"),
            LeaseUntil = r.TimeOrNull("lease_until"),
            ClaimedBy = r.StringOrNull("claimed_by"),
            MeshMessageId = r.StringOrNull("mesh_message_id"),
            CompletedAt = r.TimeOrNull("completed_at"),
            LastError = r.StringOrNull("last_error"),
            WaitingSince = r.TimeOrNull("waiting_since"),
            TraceParent = r.StringOrNull("trace_parent"),
            TraceState = r.StringOrNull("trace_state"),
        };

    private static List<(string Name, object? Value)> Parameters(OutboxItem item) =>
    [
        ("$id", item.Id), ("$recipient_mailbox", item.RecipientMailbox), ("$workflow_id", item.WorkflowId), ("$subject", item.Subject),
        ("$local_id", item.LocalId), ("$content", item.Content), ("$transaction_id", item.TransactionId),
        ("$inbound_mesh_message_id", MeshIds.NormalizeOrNull(item.InboundMeshMessageId)), ("$state", item.State),
        ("$next_attempt_at", item.NextAttemptAt ?? item.CreatedAt), ("$attempts", item.Attempts), ("$lease_until", item.LeaseUntil),
        ("$claimed_by", item.ClaimedBy), ("$mesh_message_id", MeshIds.NormalizeOrNull(item.MeshMessageId)),
        ("$completed_at", item.CompletedAt), ("$last_error", item.LastError), ("$created_at", item.CreatedAt), ("$waiting_since", item.WaitingSince),
        ("$trace_parent", item.TraceParent), ("$trace_state", item.TraceState),
    ];
}
