using Itk3.Gateway.Store;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>The claim/finish/fail/dead-letter mechanics shared by the outbox and the delivery queue (same column names, one table each).</summary>
/// <remarks>Claims lock due rows <c>FOR UPDATE SKIP LOCKED</c>: instances claiming at once never wait for each other nor take the same
/// row; the claim then records a lease (<c>lease_until</c>), so an item whose instance died comes back when the lease expires.
/// <c>table</c> and <c>columns</c> are constants of the calling store, never input.</remarks>
internal sealed class LeasedQueue<T>(PgSession session, string table, string columns, Func<NpgsqlDataReader, T> read)
    where T : class
{
    private const string Pending = "Pending";

    // What an operator may act on: given up, or waiting and not in someone's hands at @next.
    private const string Actionable = $"(state = 'DeadLettered' OR (state = '{Pending}' AND (lease_until IS NULL OR lease_until <= @next)))";

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken) =>
        session.QuerySingleAsync($"SELECT {columns} FROM {table} WHERE id = @id{session.ForUpdate}", [("@id", id)], read, cancellationToken);

    /// <summary>One round trip: locks the due rows (skipping those another instance holds), keeps the oldest within the byte budget
    /// (the first always), leases them and returns them as updated, oldest first.</summary>
    public async Task<IReadOnlyList<T>> ClaimItemsAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.MaxItems);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.LeaseDuration, TimeSpan.Zero);
        var claimed = await session.QueryAsync(
            $"WITH due AS (SELECT id, next_attempt_at, seq, octet_length(content) AS bytes FROM {table} " +
            $"WHERE state = '{Pending}' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now) " +
            "ORDER BY next_attempt_at, seq LIMIT @max FOR UPDATE SKIP LOCKED), " +
            "picked AS (SELECT id AS picked_id FROM (SELECT id, row_number() OVER w AS n, sum(bytes) OVER w AS total FROM due " +
            "WINDOW w AS (ORDER BY next_attempt_at, seq ROWS UNBOUNDED PRECEDING)) ranked WHERE n = 1 OR total <= @max_bytes) " +
            $"UPDATE {table} SET attempts = attempts + 1, lease_until = @until, claimed_by = @claimant FROM picked WHERE id = picked_id " +
            $"RETURNING {columns}, seq",
            [("@now", request.Now), ("@max", request.MaxItems), ("@max_bytes", request.MaxBytes), ("@until", request.Now + request.LeaseDuration),
             ("@claimant", request.Claimant)],
            r => (Item: read(r), Due: r.GetInt64(r.GetOrdinal("next_attempt_at")), Seq: r.GetInt64(r.GetOrdinal("seq"))),
            cancellationToken);
        return claimed.OrderBy(c => c.Due).ThenBy(c => c.Seq).Select(c => c.Item).ToList();
    }

    public async Task<bool> FinishAsync(string id, string state, DateTimeOffset at, string? meshMessageId, CancellationToken cancellationToken)
    {
        List<(string Name, object? Value)> parameters = [("@state", state), ("@at", at), ("@id", id)];
        var meshColumn = string.Empty;
        if (meshMessageId is not null)
        {
            meshColumn = ", mesh_message_id = @mesh";
            parameters.Add(("@mesh", meshMessageId));
        }

        return await session.ExecuteAsync(
            $"UPDATE {table} SET state = @state, lease_until = NULL, completed_at = @at{meshColumn} WHERE id = @id AND state = '{Pending}'",
            parameters,
            cancellationToken) == 1;
    }

    public async Task<bool> FailAsync(string id, string error, DateTimeOffset nextAttemptAt, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET last_error = @error, next_attempt_at = @next, lease_until = NULL, completed_at = @at " +
            $"WHERE id = @id AND state = '{Pending}'",
            [("@error", error), ("@next", nextAttemptAt), ("@at", at), ("@id", id)],
            cancellationToken) == 1;

    /// <summary>Dead-lettered, or pending and not claimed at <paramref name="nextAttemptAt"/> (the operator's "now"): due again then.</summary>
    public async Task<bool> RequeueAsync(string id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET state = '{Pending}', next_attempt_at = @next, lease_until = NULL, waiting_since = NULL WHERE id = @id AND {Actionable}",
            [("@next", nextAttemptAt), ("@id", id)],
            cancellationToken) == 1;

    /// <summary>Dead-lettered, or pending and not claimed at <paramref name="at"/>: closed by an operator.</summary>
    public async Task<bool> ResolveAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET state = 'Resolved', lease_until = NULL, waiting_since = NULL, completed_at = @next WHERE id = @id AND {Actionable}",
            [("@next", at), ("@id", id)],
            cancellationToken) == 1;

    public async Task<bool> MarkWaitingAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET waiting_since = COALESCE(waiting_since, @at) WHERE id = @id AND state = '{Pending}'",
            [("@at", at), ("@id", id)],
            cancellationToken) == 1;

    public async Task<bool> DeadLetterAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET state = 'DeadLettered', last_error = @error, lease_until = NULL, completed_at = @at " +
            $"WHERE id = @id AND state = '{Pending}'",
            [("@error", reason), ("@at", at), ("@id", id)],
            cancellationToken) == 1;
}
