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
        var added = await session.ExecuteAsync(Insert, TransactionRows.Parameters(transaction), cancellationToken) == 1;
        if (added)
        {
            session.MarkLocked(Key(transaction.Id));
        }

        return added;
    }

    public async Task<OutboundTransaction?> GetAsync(string id, CancellationToken cancellationToken) =>
        Locked(await session.QuerySingleAsync(
            $"SELECT {TransactionRows.Columns} FROM transactions WHERE id = @id{session.ForUpdate}", [("@id", id)], TransactionRows.Read, cancellationToken));

    public async Task<OutboundTransaction?> FindAsync(TransactionLookup by, string value, CancellationToken cancellationToken)
    {
        var key = by == TransactionLookup.MeshMessageId ? MeshIds.Normalize(value) : value;
        return Locked(await session.QuerySingleAsync(
            $"SELECT {TransactionRows.Columns} FROM transactions WHERE {TransactionRows.LookupColumn(by)} = @value ORDER BY created_at, id LIMIT 1{session.ForUpdate}",
            [("@value", key)],
            TransactionRows.Read,
            cancellationToken));
    }

    /// <summary>A row this unit of work holds locked is certain to be updated: the update goes with the next round trip.</summary>
    public async Task<bool> UpdateAsync(OutboundTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (session.IsLocked(Key(transaction.Id)))
        {
            session.Defer(Update, TransactionRows.Parameters(transaction));
            return true;
        }

        return await session.ExecuteAsync(Update, TransactionRows.Parameters(transaction), cancellationToken) == 1;
    }

    public async Task AppendEventAsync(TransactionEvent transactionEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactionEvent);
        // The row is inserted only when its transaction exists (the foreign key would abort the whole unit of work). When this unit of
        // work holds the transaction locked it exists, so the insert goes with the next round trip.
        var sql = $"INSERT INTO transaction_events ({TransactionRows.EventColumns}) SELECT @transaction_id, @at, @kind, @detail, @itk_code {WhenTransactionExists}";
        List<(string Name, object? Value)> parameters =
        [
            ("@transaction_id", transactionEvent.TransactionId), ("@at", transactionEvent.At), ("@kind", transactionEvent.Kind),
            ("@detail", transactionEvent.Detail), ("@itk_code", transactionEvent.ItkCode),
        ];
        if (session.IsLocked(Key(transactionEvent.TransactionId)))
        {
            session.Defer(sql, parameters);
            return;
        }

        var added = await session.ExecuteAsync(sql, parameters, cancellationToken);
        if (added == 0)
        {
            throw NoSuchTransaction(transactionEvent.TransactionId);
        }
    }

    public async Task<IReadOnlyList<TransactionEvent>> GetTimelineAsync(string transactionId, CancellationToken cancellationToken)
    {
        Lock(transactionId);
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
        Lock(transactionId);
        return await GetResponsesAsync(session, transactionId, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboundTransaction>> ListDueAsync(DateTimeOffset now, int maxItems, CancellationToken cancellationToken)
    {
        var due = await session.QueryAsync(Due, [("@now", now), ("@max", maxItems)], TransactionRows.Read, cancellationToken);
        foreach (var transaction in due)
        {
            session.MarkLocked(Key(transaction.Id));
        }

        return due;
    }

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

        var ids = await session.QueryAsync(
            $"SELECT id FROM transactions WHERE {string.Join(" OR ", conditions)} ORDER BY id FOR UPDATE", parameters, r => r.GetString(0), cancellationToken);
        foreach (var id in ids)
        {
            session.MarkLocked(Key(id));
        }
    }

    /// <summary>Events and responses are read to decide what to add after them: their transaction's row stays locked until commit. The
    /// lock goes in the same round trip as the read that follows it (which still gets its own snapshot, taken after the lock).</summary>
    private void Lock(string transactionId)
    {
        if (!session.IsLocked(Key(transactionId)))
        {
            session.Defer($"SELECT 1 FROM transactions WHERE id = @id{session.ForUpdate}", [("@id", transactionId)], returnsRows: true);
        }
    }

    private OutboundTransaction? Locked(OutboundTransaction? transaction)
    {
        if (transaction is not null)
        {
            session.MarkLocked(Key(transaction.Id));
        }

        return transaction;
    }

    private static string Key(string transactionId) => "transactions:" + transactionId;

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
