using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Postgres;

/// <summary>The read side's list queries: what "needs attention", recipient and id search mean per table (as in the SQLite store).</summary>
internal static class ListQueries
{
    // An operator's Resolved entry on the record takes it out of the needs-attention lists.
    private const string NotResolved =
        "NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.{0} = {1} AND a.subject_kind = '{2}' AND a.action = 'Resolved')";

    // Dead-lettered, or waiting: still pending after its fast retries ran out (retried every maxDelay, never abandoned).
    private const string QueueAttention = "(state = 'DeadLettered' OR (state = 'Pending' AND waiting_since IS NOT NULL))";

    public static FilteredQuery<TransactionState> Transactions { get; } = new(
        "transactions",
        TransactionRows.Columns,
        "created_at",
        $"(state IN ({SqlText.Literals(TransactionStates.NeedingAttention)}) " +
        "OR EXISTS (SELECT 1 FROM outbox o WHERE o.transaction_id = transactions.id " +
        "AND (o.state = 'DeadLettered' OR (o.state = 'Pending' AND o.waiting_since IS NOT NULL)))) AND " +
        string.Format(System.Globalization.CultureInfo.InvariantCulture, NotResolved, "transaction_id", "transactions.id", "Transaction"))
    {
        RecipientCondition = "recipient = @recipient",
        // starts_with, not a range: a range's end depends on the database's collation.
        SearchCondition = "(starts_with(id, @search) OR message_header_id = @search OR mesh_message_id = @searchUpper " +
            "OR local_id = @search OR bundle_identifier = @search)",
    };

    public static FilteredQuery<InboundState> Inbound { get; } = new(
        "inbound_messages",
        InboundRows.Columns,
        "received_at",
        $"state IN ({SqlText.Literals([InboundState.Rejected, InboundState.DeadLettered])}) AND " +
        string.Format(System.Globalization.CultureInfo.InvariantCulture, NotResolved, "inbound_mesh_message_id", "inbound_messages.mesh_message_id", "InboundMessage"))
    {
        RecipientCondition = "sender_mailbox = @recipient",
        SearchCondition = "(mesh_message_id = @searchUpper OR message_header_id = @search OR bundle_identifier = @search " +
            "OR local_id = @search OR transaction_id = @search)",
    };

    public static FilteredQuery<OutboxState> Outbox { get; } =
        new("outbox", PgOutboxStore.ListColumns, "created_at", QueueAttention, "workflow_id")
        {
            SearchCondition = "(id = @search OR transaction_id = @search OR mesh_message_id = @searchUpper OR inbound_mesh_message_id = @searchUpper)",
        };

    public static FilteredQuery<DeliveryState> Deliveries { get; } =
        new("deliveries", PgDeliveryStore.ListColumns, "created_at", QueueAttention)
        {
            SearchCondition = "(id = @search OR inbound_mesh_message_id = @searchUpper)",
        };
}
