using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Postgres;

/// <summary>The outbound transactions of a PostgreSQL unit of work; reads lock the row until commit, so read-modify-write loses no update.</summary>
internal sealed class PgTransactionStore(PgSession session) : ITransactionStore
{
    private static readonly string Insert = SqlText.InsertIgnoringConflicts("transactions", TransactionRows.Columns);

    private const string Update =
        "UPDATE transactions SET bundle_id = @bundle_id, bundle_identifier = @bundle_identifier, local_id = @local_id, " +
        "mesh_message_id = @mesh_message_id, state = @state, infrastructure_due_at = @infrastructure_due_at, " +
        "business_due_at = @business_due_at, failure_code = @failure_code, failure_detail = @failure_detail, updated_at = @updated_at " +
        "WHERE id = @id";

    // Timers are shared between instances: each due transaction stays locked by the unit of work that took it until it commits
    // (or its instance dies and the connection closes), and the others skip it. LEAST ignores NULLs, as the SQLite MIN/COALESCE pair does.
    private static readonly string Due =
        $"SELECT {TransactionRows.Columns} FROM transactions " +
        $"WHERE state NOT IN ({SqlText.Literals(TransactionStates.Terminal)}) " +
        "AND (infrastructure_due_at <= @now OR business_due_at <= @now) " +
        "ORDER BY LEAST(infrastructure_due_at, business_due_at), id LIMIT @max FOR UPDATE SKIP LOCKED";

    private const string WhenTransactionExists = "WHERE EXISTS (SELECT 1 FROM transactions WHERE id = @transaction_id)";

    public async Task<bool> AddAsync(OutboundTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await session.ExecuteAsync(Insert, TransactionRows.Parameters(transaction), cancellationToken) == 1;
    }

    public Task<OutboundTransaction?> GetAsync(string id, CancellationToken cancellationToken) =>
        session.QuerySingleAsync(
            $"SELECT {TransactionRows.Columns} FROM transactions WHERE id = @id{session.ForUpdate}", [("@id", id)], TransactionRows.Read, cancellationToken);

    public Task<OutboundTransaction?> FindAsync(TransactionLookup by, string value, CancellationToken cancellationToken)
    {
        var key = by == TransactionLookup.MeshMessageId ? MeshIds.Normalize(value) : value;
        return session.QuerySingleAsync(
            $"SELECT {TransactionRows.Columns} FROM transactions WHERE {TransactionRows.LookupColumn(by)} = @value ORDER BY created_at, id LIMIT 1{session.ForUpdate}",
            [("@value", key)],
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
        // One round trip: the row is inserted only when its transaction exists (the foreign key would abort the whole unit of work).
        var added = await session.ExecuteAsync(
            $"INSERT INTO transaction_events ({TransactionRows.EventColumns}) SELECT @transaction_id, @at, @kind, @detail, @itk_code {WhenTransactionExists}",
            [
                ("@transaction_id", transactionEvent.TransactionId), ("@at", transactionEvent.At), ("@kind", transactionEvent.Kind),
                ("@detail", transactionEvent.Detail), ("@itk_code", transactionEvent.ItkCode),
            ],
            cancellationToken);
        if (added == 0)
        {
            throw NoSuchTransaction(transactionEvent.TransactionId);
        }
    }

    public async Task<IReadOnlyList<TransactionEvent>> GetTimelineAsync(string transactionId, CancellationToken cancellationToken)
    {
        await LockAsync(transactionId, cancellationToken);
        return await GetTimelineAsync(session, transactionId, cancellationToken);
    }

    public async Task<bool> AddResponseAsync(TransactionResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var added = await session.ExecuteAsync(
            $"INSERT INTO transaction_responses ({TransactionRows.ResponseColumns}) " +
            $"SELECT @transaction_id, @level, @code, @is_positive, @response_message_header_id, @received_at {WhenTransactionExists} ON CONFLICT DO NOTHING",
            [
                ("@transaction_id", response.TransactionId), ("@level", response.Level), ("@code", response.Code),
                ("@is_positive", response.IsPositive), ("@response_message_header_id", response.ResponseMessageHeaderId),
                ("@received_at", response.ReceivedAt),
            ],
            cancellationToken);
        if (added == 0 && await session.ScalarAsync("SELECT 1 FROM transactions WHERE id = @id", [("@id", response.TransactionId)], cancellationToken) is null)
        {
            throw NoSuchTransaction(response.TransactionId);
        }

        return added == 1;
    }

    public async Task<IReadOnlyList<TransactionResponse>> GetResponsesAsync(string transactionId, CancellationToken cancellationToken)
    {
        await LockAsync(transactionId, cancellationToken);
        return await GetResponsesAsync(session, transactionId, cancellationToken);
    }

    public Task<IReadOnlyList<OutboundTransaction>> ListDueAsync(DateTimeOffset now, int maxItems, CancellationToken cancellationToken) =>
        session.QueryAsync(Due, [("@now", now), ("@max", maxItems)], TransactionRows.Read, cancellationToken);

    /// <summary>One statement: the rows are locked in the sort's order (PostgreSQL locks after ORDER BY), so every unit of work that locks
    /// its transactions this way takes them in the same order and none waits for another in a cycle.</summary>
    public async Task LockAsync(IReadOnlyCollection<(TransactionLookup By, string Value)> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        var parameters = new List<(string Name, object? Value)>();
        var conditions = new List<string>();
        foreach (var group in keys.GroupBy(k => k.By))
        {
            var name = $"@keys{parameters.Count}";
            var values = group.Select(k => k.By == TransactionLookup.MeshMessageId ? MeshIds.Normalize(k.Value) : k.Value).Distinct().ToArray();
            parameters.Add((name, values));
            conditions.Add($"{TransactionRows.LookupColumn(group.Key)} = ANY({name})");
        }

        await session.ExecuteAsync(
            $"SELECT 1 FROM transactions WHERE {string.Join(" OR ", conditions)} ORDER BY id FOR UPDATE", parameters, cancellationToken);
    }

    /// <summary>Events and responses are read to decide what to add after them: their transaction's row stays locked until commit.</summary>
    private Task LockAsync(string transactionId, CancellationToken cancellationToken) =>
        session.ExecuteAsync($"SELECT 1 FROM transactions WHERE id = @id{session.ForUpdate}", [("@id", transactionId)], cancellationToken);

    private static ArgumentException NoSuchTransaction(string transactionId) =>
        new($"No transaction {transactionId}: add it before its events and responses.", "transactionId");

    internal static Task<IReadOnlyList<TransactionEvent>> GetTimelineAsync(PgSession session, string transactionId, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"SELECT {TransactionRows.EventColumns} FROM transaction_events WHERE transaction_id = @id ORDER BY at, seq",
            [("@id", transactionId)],
            TransactionRows.ReadEvent,
            cancellationToken);

    internal static Task<IReadOnlyList<TransactionResponse>> GetResponsesAsync(PgSession session, string transactionId, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"SELECT {TransactionRows.ResponseColumns} FROM transaction_responses WHERE transaction_id = @id ORDER BY received_at, seq",
            [("@id", transactionId)],
            TransactionRows.ReadResponse,
            cancellationToken);
}
