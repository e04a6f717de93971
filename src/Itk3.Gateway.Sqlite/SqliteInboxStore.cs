using Itk3.Gateway.Inbound;
using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Sqlite;

/// <summary>The inbox of a SQLite unit of work.</summary>
internal sealed class SqliteInboxStore(SqlSession session) : IInboxStore
{
    private static readonly string Insert = SqlText.InsertIgnoringConflicts("inbound_messages", InboundRows.Columns + ", content, content_seq");

    private const string Update =
        "UPDATE inbound_messages SET state = $state, message_header_id = $message_header_id, bundle_identifier = $bundle_identifier, " +
        "document_id = $document_id, flow = $flow, itk_code = $itk_code, detail = $detail, transaction_id = $transaction_id, " +
        "updated_at = $updated_at, acknowledged_at = $acknowledged_at WHERE mesh_message_id = $mesh_message_id";

    public async Task<bool> RegisterAsync(InboundMessage message, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The payload goes into contents: the row's later state changes then never rewrite it.
        var parameters = InboundRows.Parameters(message);
        parameters.Add(("$content", ReadOnlyMemory<byte>.Empty));
        return await StoredContent.InsertRowAsync(session, content, Insert, parameters, cancellationToken);
    }

    public Task<InboundMessage?> GetAsync(string meshMessageId, CancellationToken cancellationToken) =>
        session.QuerySingleAsync(
            $"SELECT {InboundRows.Columns} FROM inbound_messages WHERE mesh_message_id = $id",
            [("$id", MeshIds.Normalize(meshMessageId))],
            InboundRows.Read,
            cancellationToken);

    public async Task<bool> UpdateAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await session.ExecuteAsync(Update, InboundRows.Parameters(message), cancellationToken) == 1;
    }

    public Task<bool> IsMessageHeaderIdKnownAsync(string messageHeaderId, string exceptMeshMessageId, CancellationToken cancellationToken) =>
        ExistsAsync("message_header_id", messageHeaderId, exceptMeshMessageId, cancellationToken);

    public Task<bool> IsDocumentIdKnownAsync(string documentId, string exceptMeshMessageId, CancellationToken cancellationToken) =>
        ExistsAsync("document_id", documentId, exceptMeshMessageId, cancellationToken);

    public async Task RecordDocumentAsync(ReceivedDocument document, string meshMessageId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await session.ExecuteAsync(
            SqlText.InsertIgnoringConflicts("received_documents", "document_id, composition_identifier, patient_key, mesh_message_id, received_at"),
            [("$document_id", document.DocumentId), ("$composition_identifier", document.CompositionIdentifier), ("$patient_key", document.PatientKey),
             ("$mesh_message_id", MeshIds.Normalize(meshMessageId)), ("$received_at", receivedAt)],
            cancellationToken);
    }

    public Task<ReceivedDocument?> FindDocumentAsync(string documentIdOrIdentifier, CancellationToken cancellationToken) =>
        session.QuerySingleAsync(
            "SELECT document_id, composition_identifier, patient_key FROM received_documents " +
            "WHERE document_id = $key OR composition_identifier = $key ORDER BY received_at DESC, document_id LIMIT 1",
            [("$key", documentIdOrIdentifier)],
            r => new ReceivedDocument(r.String("document_id"), r.StringOrNull("composition_identifier"), r.StringOrNull("patient_key")),
            cancellationToken);

    public async Task<bool> MarkAcknowledgedAsync(string meshMessageId, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            "UPDATE inbound_messages SET acknowledged_at = $at, updated_at = $at WHERE mesh_message_id = $id",
            [("$at", acknowledgedAt), ("$id", MeshIds.Normalize(meshMessageId))],
            cancellationToken) == 1;

    public Task<IReadOnlyList<InboundMessage>> ListUnacknowledgedAsync(int maxItems, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"SELECT {InboundRows.Columns} FROM inbound_messages WHERE acknowledged_at IS NULL ORDER BY received_at, mesh_message_id LIMIT $max",
            [("$max", maxItems)],
            InboundRows.Read,
            cancellationToken);

    private async Task<bool> ExistsAsync(string column, string value, string exceptMeshMessageId, CancellationToken cancellationToken)
    {
        // column is one of two constants above, never input.
        var found = await session.ScalarAsync(
            $"SELECT 1 FROM inbound_messages WHERE {column} = $value AND mesh_message_id <> $except LIMIT 1",
            [("$value", value), ("$except", MeshIds.Normalize(exceptMeshMessageId))],
            cancellationToken);
        return found is not null;
    }
}
