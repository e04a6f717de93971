using Itk3.Gateway.Transactions;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>Maps transactions, timeline events and responses to and from their rows.</summary>
internal static class TransactionRows
{
    public const string Columns =
        "id, flow, recipient_kind, recipient, message_header_id, bundle_id, bundle_identifier, local_id, mesh_message_id, state, " +
        "infrastructure_due_at, business_due_at, failure_code, failure_detail, created_at, updated_at, request_hash";

    public const string EventColumns = "transaction_id, at, kind, detail, itk_code";

    public const string ResponseColumns = "transaction_id, level, code, is_positive, response_message_header_id, received_at";

    public static OutboundTransaction Read(NpgsqlDataReader r) =>
        new(r.String("id"), r.String("flow"), r.Enum<RecipientKind>("recipient_kind"), r.String("recipient"), r.String("message_header_id"), r.Time("created_at"))
        {
            BundleId = r.StringOrNull("bundle_id"),
            BundleIdentifier = r.StringOrNull("bundle_identifier"),
            LocalId = r.StringOrNull("local_id"),
            MeshMessageId = r.StringOrNull("mesh_message_id"),
            State = r.Enum<TransactionState>("state"),
            InfrastructureDueAt = r.TimeOrNull("infrastructure_due_at"),
            BusinessDueAt = r.TimeOrNull("business_due_at"),
            FailureCode = r.StringOrNull("failure_code"),
            FailureDetail = r.StringOrNull("failure_detail"),
            UpdatedAt = r.Time("updated_at"),
            RequestHash = r.StringOrNull("request_hash"),
        };

    public static TransactionEvent ReadEvent(NpgsqlDataReader r) =>
        new(r.String("transaction_id"), r.Time("at"), r.Enum<TransactionEventKind>("kind"), r.StringOrNull("detail"), r.StringOrNull("itk_code"));

    public static TransactionResponse ReadResponse(NpgsqlDataReader r) =>
        new(r.String("transaction_id"), r.Enum<ResponseLevel>("level"), r.String("code"), r.Bool("is_positive"),
            r.String("response_message_header_id"), r.Time("received_at"));

    /// <summary>Parameters for every column, named <c>@column</c>.</summary>
    public static List<(string Name, object? Value)> Parameters(OutboundTransaction t) =>
    [
        ("@id", t.Id),
        ("@flow", t.Flow),
        ("@recipient_kind", t.RecipientKind),
        ("@recipient", t.Recipient),
        ("@message_header_id", t.MessageHeaderId),
        ("@bundle_id", t.BundleId),
        ("@bundle_identifier", t.BundleIdentifier),
        ("@local_id", t.LocalId),
        ("@mesh_message_id", MeshIds.NormalizeOrNull(t.MeshMessageId)),
        ("@state", t.State),
        ("@infrastructure_due_at", t.InfrastructureDueAt),
        ("@business_due_at", t.BusinessDueAt),
        ("@failure_code", t.FailureCode),
        ("@failure_detail", t.FailureDetail),
        ("@created_at", t.CreatedAt),
        ("@updated_at", t.UpdatedAt ?? t.CreatedAt),
        ("@request_hash", t.RequestHash),
    ];

    public static string LookupColumn(TransactionLookup by) => by switch
    {
        TransactionLookup.MessageHeaderId => "message_header_id",
        TransactionLookup.BundleIdentifier => "bundle_identifier",
        TransactionLookup.MeshMessageId => "mesh_message_id",
        TransactionLookup.LocalId => "local_id",
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Unknown transaction lookup."),
    };
}
