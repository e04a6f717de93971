using Itk3.Gateway.Delivery;
using Itk3.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>The delivery queue of a SQLite unit of work.</summary>
internal sealed class SqliteDeliveryStore : IDeliveryStore
{
    private const string Columns =
        "id, idempotency_key, content, inbound_mesh_message_id, flow, state, next_attempt_at, attempts, lease_until, claimed_by, " +
        "completed_at, last_error, created_at, waiting_since, trace_parent, trace_state";

    /// <summary>The columns for read-side lists: the content is left out (an empty blob) to keep pages small.</summary>
    internal static readonly string ListColumns = LeasedQueue<DeliveryItem>.WithoutContent(Columns);

    private static readonly string Insert = SqlText.InsertIgnoringConflicts("deliveries", Columns + ", content_seq");

    private readonly SqlSession session;
    private readonly LeasedQueue<DeliveryItem> queue;

    public SqliteDeliveryStore(SqlSession session)
    {
        this.session = session;
        queue = new LeasedQueue<DeliveryItem>(session, "deliveries", Columns, Read);
    }

    public async Task<bool> EnqueueAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        // The payload goes into contents: claiming and finishing the item then never rewrite it.
        return await StoredContent.InsertRowAsync(session, item.Content, Insert, Parameters(item with { Content = ReadOnlyMemory<byte>.Empty }), cancellationToken);
    }

    /// <summary>Opens the content of a delivery for reading straight from the database file (SqliteBlob), on a connection of its own that the stream closes; null when there is none.</summary>
    internal static Task<Stream?> OpenContentAsync(SqliteConnector connector, string id, CancellationToken cancellationToken) =>
        StoredContent.OpenAsync(connector, "deliveries", id, cancellationToken);

    public Task<DeliveryItem?> GetAsync(string id, CancellationToken cancellationToken) => queue.GetAsync(id, cancellationToken);

    public async Task<IReadOnlyList<DeliveryItem>> ClaimAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claimed = await queue.ClaimItemsAsync(request with { WithoutContent = true }, cancellationToken);
        if (request.WithoutContent)
        {
            return claimed;
        }

        // Each payload is read from the database pages into one array: SQLite does not assemble another copy in its memory.
        var items = new List<DeliveryItem>(claimed.Count);
        foreach (var item in claimed)
        {
            items.Add(item with { Content = await StoredContent.ReadAsync(session, "deliveries", "id", item.Id, cancellationToken) ?? [] });
        }

        return items;
    }

    public Task<bool> MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        queue.FinishAsync(id, nameof(DeliveryState.Delivered), at, null, cancellationToken);

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

    internal static DeliveryItem Read(SqliteDataReader r) =>
        new(r.String("id"), r.String("idempotency_key"), r.Bytes("content"), r.Time("created_at"))
        {
            InboundMeshMessageId = r.StringOrNull("inbound_mesh_message_id"),
            Flow = r.StringOrNull("flow"),
            State = r.Enum<DeliveryState>("state"),
            NextAttemptAt = r.Time("next_attempt_at"),
            Attempts = r.Int("attempts"),
            LeaseUntil = r.TimeOrNull("lease_until"),
            ClaimedBy = r.StringOrNull("claimed_by"),
            CompletedAt = r.TimeOrNull("completed_at"),
            LastError = r.StringOrNull("last_error"),
            WaitingSince = r.TimeOrNull("waiting_since"),
            TraceParent = r.StringOrNull("trace_parent"),
            TraceState = r.StringOrNull("trace_state"),
        };

    private static List<(string Name, object? Value)> Parameters(DeliveryItem item) =>
    [
        ("$id", item.Id), ("$idempotency_key", item.IdempotencyKey), ("$content", item.Content),
        ("$inbound_mesh_message_id", MeshIds.NormalizeOrNull(item.InboundMeshMessageId)), ("$flow", item.Flow), ("$state", item.State),
        ("$next_attempt_at", item.NextAttemptAt ?? item.CreatedAt), ("$attempts", item.Attempts), ("$lease_until", item.LeaseUntil),
        ("$claimed_by", item.ClaimedBy), ("$completed_at", item.CompletedAt), ("$last_error", item.LastError),
        ("$created_at", item.CreatedAt), ("$waiting_since", item.WaitingSince),
        ("$trace_parent", item.TraceParent), ("$trace_state", item.TraceState),
    ];
}
