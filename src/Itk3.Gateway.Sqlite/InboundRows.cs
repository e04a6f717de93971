using Itk3.Gateway.Inbound;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>Maps <see cref="InboundMessage"/> to and from <c>inbound_messages</c> rows (content excluded).</summary>
internal static class InboundRows
{
    public const string Columns =
        "mesh_message_id, sender_mailbox, recipient_mailbox, workflow_id, subject, local_id, file_name, mesh_message_type, " +
        "linked_message_id, state, message_header_id, bundle_identifier, document_id, flow, itk_code, detail, transaction_id, " +
        "received_at, updated_at, acknowledged_at, trace_parent, trace_state";

    public static InboundMessage Read(SqliteDataReader r) =>
        new(r.String("mesh_message_id"), r.String("sender_mailbox"), r.String("recipient_mailbox"), r.StringOrNull("workflow_id"), r.Time("received_at"))
        {
            Subject = r.StringOrNull("subject"),
            LocalId = r.StringOrNull("local_id"),
            FileName = r.StringOrNull("file_name"),
            MeshMessageType = r.StringOrNull("mesh_message_type"),
            LinkedMessageId = r.StringOrNull("linked_message_id"),
            State = r.Enum<InboundState>("state"),
            MessageHeaderId = r.StringOrNull("message_header_id"),
            BundleIdentifier = r.StringOrNull("bundle_identifier"),
            DocumentId = r.StringOrNull("document_id"),
            Flow = r.StringOrNull("flow"),
            ItkCode = r.StringOrNull("itk_code"),
            Detail = r.StringOrNull("detail"),
            TransactionId = r.StringOrNull("transaction_id"),
            UpdatedAt = r.Time("updated_at"),
            AcknowledgedAt = r.TimeOrNull("acknowledged_at"),
            TraceParent = r.StringOrNull("trace_parent"),
            TraceState = r.StringOrNull("trace_state"),
        };

    /// <summary>Parameters for every column but the content, named <c>$column</c>.</summary>
    public static List<(string Name, object? Value)> Parameters(InboundMessage m) =>
    [
        ("$mesh_message_id", MeshIds.Normalize(m.MeshMessageId)),
        ("$sender_mailbox", m.SenderMailbox),
        ("$recipient_mailbox", m.RecipientMailbox),
        ("$workflow_id", m.WorkflowId),
        ("$subject", m.Subject),
        ("$local_id", m.LocalId),
        ("$file_name", m.FileName),
        ("$mesh_message_type", m.MeshMessageType),
        ("$linked_message_id", MeshIds.NormalizeOrNull(m.LinkedMessageId)),
        ("$state", m.State),
        ("$message_header_id", m.MessageHeaderId),
        ("$bundle_identifier", m.BundleIdentifier),
        ("$document_id", m.DocumentId),
        ("$flow", m.Flow),
        ("$itk_code", m.ItkCode),
        ("$detail", m.Detail),
        ("$transaction_id", m.TransactionId),
        ("$received_at", m.ReceivedAt),
        ("$updated_at", m.UpdatedAt ?? m.ReceivedAt),
        ("$acknowledged_at", m.AcknowledgedAt),
        ("$trace_parent", m.TraceParent),
        ("$trace_state", m.TraceState),
    ];
}
