using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Sqlite;

/// <summary>The outbound transactions of a SQLite unit of work.</summary>
internal sealed class SqliteTransactionStore(SqlSession session) : ITransactionStore
{
    private static readonly string Insert = SqlText.InsertIgnoringConflicts("transactions", TransactionRows.Columns);

    private const string Update =
        "UPDATE transactions SET bundle_id = $bundle_id, bundle_identifier = $bundle_identifier, local_id = $local_id, " +
        "mesh_message_id = $mesh_message_id, state = $state, infrastructure_due_at = $infrastructure_due_at, " +
        "business_due_at = $business_due_at, failure_code = $failure_code, failure_detail = $failure_detail, updated_at = $updated_at " +
        "WHERE id = $id";

    private static readonly string Due =
        $"SELECT {TransactionRows.Columns} FROM transactions " +
        $"WHERE state NOT IN ({SqlText.Literals(TransactionStates.Terminal)}) " +
        "AND (infrastructure_due_at <= $now OR business_due_at <= $now) " +
        "ORDER BY MIN(COALESCE(infrastructure_due_at, business_due_at), COALESCE(business_due_at, infrastructure_due_at)), id LIMIT $max";

    public async Task<bool> AddAsync(OutboundTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await session.ExecuteAsync(Insert, TransactionRows.Parameters(transaction), cancellationToken) == 1;
    }

    public Task<OutboundTransaction?> GetAsync(string id, CancellationToken cancellationToken) =>
        session.QuerySingleAsync(
            $"SELECT {TransactionRows.Columns} FROM transactions WHERE id = $id", [("$id", id)], TransactionRows.Read, cancellationToken);

    public Task<OutboundTransaction?> FindAsync(TransactionLookup by, string value, CancellationToken cancellationToken)
    {
        var key = by == TransactionLookup.MeshMessageId ? MeshIds.Normalize(value) : value;
        return session.QuerySingleAsync(
            $"SELECT {TransactionRows.Columns} FROM transactions WHERE {TransactionRows.LookupColumn(by)} = $value ORDER BY created_at, id LIMIT 1",
            [("$value", key)],
            TransactionRows.Read,
            cancellationToken);
    }

    public async Task<bool> UpdateAsync(OutboundTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await session.ExecuteAsync(Update, TransactionRows.Parameters(transaction), cancellationToken) == 1;
    }

    public async Task AppendEventAsync(TransactionEvent transactionEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactionEvent);
        await EnsureExistsAsync(transactionEvent.TransactionId, cancellationToken);
        await session.ExecuteAsync(
            $"INSERT INTO transaction_events ({TransactionRows.EventColumns}) VALUES ($transaction_id, $at, $kind, $detail, $itk_code)",
            [
                ("$transaction_id", transactionEvent.TransactionId), ("$at", transactionEvent.At), ("$kind", transactionEvent.Kind),
                ("$detail", transactionEvent.Detail), ("$itk_code", transactionEvent.ItkCode),
            ],
            cancellationToken);
    }

    public Task<IReadOnlyList<TransactionEvent>> GetTimelineAsync(string transactionId, CancellationToken cancellationToken) =>
        GetTimelineAsync(session, transactionId, cancellationToken);

    public async Task<bool> AddResponseAsync(TransactionResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await EnsureExistsAsync(response.TransactionId, cancellationToken);
        return await session.ExecuteAsync(
            $"INSERT INTO transaction_responses ({TransactionRows.ResponseColumns}) " +
            "VALUES ($transaction_id, $level, $code, $is_positive, $response_message_header_id, $received_at) ON CONFLICT DO NOTHING",
            [
                ("$transaction_id", response.TransactionId), ("$level", response.Level), ("$code", response.Code),
                ("$is_positive", response.IsPositive), ("$response_message_header_id", response.ResponseMessageHeaderId),
                ("$received_at", response.ReceivedAt),
            ],
            cancellationToken) == 1;
    }

    public Task<IReadOnlyList<TransactionResponse>> GetResponsesAsync(string transactionId, CancellationToken cancellationToken) =>
        GetResponsesAsync(session, transactionId, cancellationToken);

    public Task<IReadOnlyList<OutboundTransaction>> ListDueAsync(DateTimeOffset now, int maxItems, CancellationToken cancellationToken) =>
        session.QueryAsync(Due, [("$now", now), ("$max", maxItems)], TransactionRows.Read, cancellationToken);

    /// <summary>Nothing to do: a SQLite unit of work holds the database's one write lock from its start (BEGIN IMMEDIATE), so no two wait for each other.</summary>
    public Task LockAsync(IReadOnlyCollection<(TransactionLookup By, string Value)> keys, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureExistsAsync(string transactionId, CancellationToken cancellationToken)
    {
        if (await session.ScalarAsync("SELECT 1 FROM transactions WHERE id = $id", [("$id", transactionId)], cancellationToken) is null)
        {
            throw new ArgumentException($"No transaction {transactionId}: add it before its events and responses.", nameof(transactionId));
        }
    }

    internal static Task<IReadOnlyList<TransactionEvent>> GetTimelineAsync(SqlSession session, string transactionId, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"SELECT {TransactionRows.EventColumns} FROM transaction_events WHERE transaction_id = $id ORDER BY at, seq",
            [("$id", transactionId)],
            TransactionRows.ReadEvent,
            cancellationToken);

    internal static Task<IReadOnlyList<TransactionResponse>> GetResponsesAsync(SqlSession session, string transactionId, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"SELECT {TransactionRows.ResponseColumns} FROM transaction_responses WHERE transaction_id = $id ORDER BY received_at, seq",
            [("$id", transactionId)],
            TransactionRows.ReadResponse,
            cancellationToken);
}
