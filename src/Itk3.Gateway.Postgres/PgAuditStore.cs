using Itk3.Gateway.Audit;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>The audit log of a PostgreSQL unit of work, and its reads.</summary>
internal sealed class PgAuditStore(PgSession session) : IAuditStore
{
    private const string Columns = "at, actor, action, subject_kind, subject_id, transaction_id, inbound_mesh_message_id, note";

    /// <summary>An insert with no foreign key and no result: it goes with the next round trip (or the COMMIT).</summary>
    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        session.Defer(
            $"INSERT INTO audit_events ({Columns}) VALUES (@at, @actor, @action, @kind, @id, @transaction, @inbound, @note)",
            [
                ("@at", auditEvent.At), ("@actor", auditEvent.Actor), ("@action", auditEvent.Action), ("@kind", auditEvent.Subject),
                ("@id", auditEvent.SubjectId), ("@transaction", auditEvent.TransactionId),
                ("@inbound", MeshIds.NormalizeOrNull(auditEvent.InboundMeshMessageId)), ("@note", auditEvent.Note),
            ]);
        return Task.CompletedTask;
    }

    /// <summary>The events the query selects, newest first.</summary>
    public static Task<IReadOnlyList<AuditEvent>> ListAsync(PgSession session, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Take, 1000);
        var where = query.TransactionId is not null ? " WHERE transaction_id = @transaction"
            : query.InboundMeshMessageId is not null ? " WHERE inbound_mesh_message_id = @inbound"
            : string.Empty;
        return session.QueryAsync(
            $"SELECT {Columns} FROM audit_events{where} ORDER BY at DESC, seq DESC LIMIT @take",
            [("@transaction", query.TransactionId), ("@inbound", MeshIds.NormalizeOrNull(query.InboundMeshMessageId)), ("@take", query.Take)],
            Read,
            cancellationToken);
    }

    private static AuditEvent Read(NpgsqlDataReader r) =>
        new(r.Time("at"), r.String("actor"), r.Enum<AuditAction>("action"), r.Enum<AuditSubject>("subject_kind"), r.String("subject_id"))
        {
            TransactionId = r.StringOrNull("transaction_id"),
            InboundMeshMessageId = r.StringOrNull("inbound_mesh_message_id"),
            Note = r.StringOrNull("note"),
        };
}
