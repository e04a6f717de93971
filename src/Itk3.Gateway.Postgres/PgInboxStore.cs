using Itk3.Gateway.Inbound;
using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Postgres;

/// <summary>The inbox of a PostgreSQL unit of work.</summary>
internal sealed class PgInboxStore(PgSession session) : IInboxStore
{
    private static readonly string Insert = SqlText.InsertIgnoringConflicts("inbound_messages", InboundRows.Columns + ", content");

    private const string Update =
        "UPDATE inbound_messages SET state = @state, message_header_id = @message_header_id, bundle_identifier = @bundle_identifier, " +
        "document_id = @document_id, flow = @flow, itk_code = @itk_code, detail = @detail, transaction_id = @transaction_id, " +
        "updated_at = @updated_at, acknowledged_at = @acknowledged_at WHERE mesh_message_id = @mesh_message_id";

    public async Task<bool> RegisterAsync(InboundMessage message, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parameters = InboundRows.Parameters(message);
        parameters.Add(("@content", content));
        var added = await session.ExecuteAsync(Insert, parameters, cancellationToken) == 1;
        if (added)
        {
            session.MarkLocked(Key(message.MeshMessageId));
        }

        return added;
    }

    public async Task<InboundMessage?> GetAsync(string meshMessageId, CancellationToken cancellationToken)
    {
        var message = await session.QuerySingleAsync(
            $"SELECT {InboundRows.Columns} FROM inbound_messages WHERE mesh_message_id = @id{session.ForUpdate}",
            [("@id", MeshIds.Normalize(meshMessageId))],
            InboundRows.Read,
            cancellationToken);
        if (message is not null)
        {
            session.MarkLocked(Key(message.MeshMessageId));
        }

        return message;
    }

    /// <summary>A row this unit of work inserted or holds locked is certain to be updated: the update goes with the next round trip.</summary>
    public async Task<bool> UpdateAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (session.IsLocked(Key(message.MeshMessageId)))
        {
            session.Defer(Update, InboundRows.Parameters(message));
            return true;
        }

        return await session.ExecuteAsync(Update, InboundRows.Parameters(message), cancellationToken) == 1;
    }

    public Task<bool> IsMessageHeaderIdKnownAsync(string messageHeaderId, string exceptMeshMessageId, CancellationToken cancellationToken) =>
        ExistsAsync("message_header_id", messageHeaderId, exceptMeshMessageId, cancellationToken);

    public Task<bool> IsDocumentIdKnownAsync(string documentId, string exceptMeshMessageId, CancellationToken cancellationToken) =>
        ExistsAsync("document_id", documentId, exceptMeshMessageId, cancellationToken);

    /// <summary>An insert that ignores conflicts and has no foreign key: it goes with the next round trip.</summary>
    public Task RecordDocumentAsync(ReceivedDocument document, string meshMessageId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        session.Defer(
            SqlText.InsertIgnoringConflicts("received_documents", "document_id, composition_identifier, patient_key, mesh_message_id, received_at"),
            [("@document_id", document.DocumentId), ("@composition_identifier", document.CompositionIdentifier), ("@patient_key", document.PatientKey),
             ("@mesh_message_id", MeshIds.Normalize(meshMessageId)), ("@received_at", receivedAt)]);
        return Task.CompletedTask;
    }

    public Task<ReceivedDocument?> FindDocumentAsync(string documentIdOrIdentifier, CancellationToken cancellationToken) =>
        session.QuerySingleAsync(
            "SELECT document_id, composition_identifier, patient_key FROM received_documents " +
            "WHERE document_id = @key OR composition_identifier = @key ORDER BY received_at DESC, document_id LIMIT 1",
            [("@key", documentIdOrIdentifier)],
            r => new ReceivedDocument(r.String("document_id"), r.StringOrNull("composition_identifier"), r.StringOrNull("patient_key")),
            cancellationToken);

    public async Task<bool> MarkAcknowledgedAsync(string meshMessageId, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            "UPDATE inbound_messages SET acknowledged_at = @at, updated_at = @at WHERE mesh_message_id = @id",
            [("@at", acknowledgedAt), ("@id", MeshIds.Normalize(meshMessageId))],
            cancellationToken) == 1;

    /// <summary>One statement: the rows are locked in id order (byte order, as the ordinal sort of the other stores' callers), then updated.</summary>
    public async Task<int> MarkAllAcknowledgedAsync(IReadOnlyCollection<string> meshMessageIds, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meshMessageIds);
        if (meshMessageIds.Count == 0)
        {
            return 0;
        }

        return await session.ExecuteAsync(
            "UPDATE inbound_messages SET acknowledged_at = @at, updated_at = @at FROM (SELECT mesh_message_id AS locked_id FROM inbound_messages " +
            "WHERE mesh_message_id = ANY(@ids) ORDER BY mesh_message_id COLLATE \"C\" FOR UPDATE) locked WHERE mesh_message_id = locked_id",
            [("@at", acknowledgedAt), ("@ids", meshMessageIds.Select(MeshIds.Normalize).Distinct(StringComparer.Ordinal).ToArray())],
            cancellationToken);
    }

    public Task<IReadOnlyList<InboundMessage>> ListUnacknowledgedAsync(int maxItems, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"SELECT {InboundRows.Columns} FROM inbound_messages WHERE acknowledged_at IS NULL ORDER BY received_at, mesh_message_id LIMIT @max",
            [("@max", maxItems)],
            InboundRows.Read,
            cancellationToken);

    private static string Key(string meshMessageId) => "inbound_messages:" + MeshIds.Normalize(meshMessageId);

    private async Task<bool> ExistsAsync(string column, string value, string exceptMeshMessageId, CancellationToken cancellationToken)
    {
        // column is one of two constants above, never input.
        var found = await session.ScalarAsync(
            $"SELECT 1 FROM inbound_messages WHERE {column} = @value AND mesh_message_id <> @except LIMIT 1",
            [("@value", value), ("@except", MeshIds.Normalize(exceptMeshMessageId))],
            cancellationToken);
        return found is not null;
    }
}
