using Itk3.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>The claim/finish/fail/dead-letter mechanics shared by the outbox and the delivery queue (same column names, one table each).</summary>
/// <remarks>Claims run inside a BEGIN IMMEDIATE unit of work, so the select-then-update cannot interleave with another claimant.
/// <c>table</c> and <c>columns</c> are constants of the calling store, never input.</remarks>
internal sealed class LeasedQueue<T>(SqlSession session, string table, string columns, Func<SqliteDataReader, T> read)
    where T : class
{
    private const string Pending = "Pending";

    // What an operator may act on: given up, or waiting and not in someone's hands at $next.
    private const string Actionable = $"(state = 'DeadLettered' OR (state = '{Pending}' AND (lease_until IS NULL OR lease_until <= $next)))";

    /// <summary>The columns with the content left out (an empty blob): read-side lists and claims whose content is streamed.</summary>
    public static string WithoutContent(string columns) => columns.Replace("content", "X'' AS content", StringComparison.Ordinal);

    private readonly string withContent = StoredContent.Selecting(columns);

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken) => SelectAsync(withContent, id, cancellationToken);

    private Task<T?> SelectAsync(string selected, string id, CancellationToken cancellationToken) =>
        session.QuerySingleAsync($"SELECT {selected} FROM {table} WHERE id = $id", [("$id", id)], read, cancellationToken);

    private async Task<IReadOnlyList<string>> ClaimIdsAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.MaxItems);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.LeaseDuration, TimeSpan.Zero);
        var due = await session.QueryAsync(
            $"SELECT id, {StoredContent.Length} FROM {table} WHERE state = '{Pending}' AND next_attempt_at <= $now " +
            "AND (lease_until IS NULL OR lease_until <= $now) ORDER BY next_attempt_at, seq LIMIT $max",
            [("$now", request.Now), ("$max", request.MaxItems)],
            r => (Id: r.GetString(0), Bytes: r.GetInt64(1)),
            cancellationToken);
        var ids = WithinBytes(due, request.MaxBytes);
        foreach (var id in ids)
        {
            await session.ExecuteAsync(
                $"UPDATE {table} SET attempts = attempts + 1, lease_until = $until, claimed_by = $claimant WHERE id = $id",
                [("$until", request.Now + request.LeaseDuration), ("$claimant", request.Claimant), ("$id", id)],
                cancellationToken);
        }

        return ids;
    }

    private static List<string> WithinBytes(IReadOnlyList<(string Id, long Bytes)> due, long maxBytes)
    {
        var ids = new List<string>(due.Count);
        var total = 0L;
        foreach (var (id, bytes) in due)
        {
            total += bytes;
            if (ids.Count > 0 && total > maxBytes)
            {
                break;
            }

            ids.Add(id);
        }

        return ids;
    }

    public async Task<IReadOnlyList<T>> ClaimItemsAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        var ids = await ClaimIdsAsync(request, cancellationToken);
        var selected = request.WithoutContent ? WithoutContent(columns) : withContent;
        var items = new List<T>(ids.Count);
        foreach (var id in ids)
        {
            items.Add((await SelectAsync(selected, id, cancellationToken))!);
        }

        return items;
    }

    public async Task<bool> FinishAsync(string id, string state, DateTimeOffset at, string? meshMessageId, CancellationToken cancellationToken)
    {
        var meshColumn = meshMessageId is null ? string.Empty : ", mesh_message_id = $mesh";
        return await session.ExecuteAsync(
            $"UPDATE {table} SET state = $state, lease_until = NULL, completed_at = $at{meshColumn} WHERE id = $id AND state = '{Pending}'",
            [("$state", state), ("$at", at), ("$mesh", meshMessageId), ("$id", id)],
            cancellationToken) == 1;
    }

    public async Task<bool> FailAsync(string id, string error, DateTimeOffset nextAttemptAt, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET last_error = $error, next_attempt_at = $next, lease_until = NULL, completed_at = $at " +
            $"WHERE id = $id AND state = '{Pending}'",
            [("$error", error), ("$next", nextAttemptAt), ("$at", at), ("$id", id)],
            cancellationToken) == 1;

    /// <summary>Dead-lettered, or pending and not claimed at <paramref name="nextAttemptAt"/> (the operator's "now"): due again then.</summary>
    public async Task<bool> RequeueAsync(string id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET state = '{Pending}', next_attempt_at = $next, lease_until = NULL, waiting_since = NULL WHERE id = $id AND {Actionable}",
            [("$next", nextAttemptAt), ("$id", id)],
            cancellationToken) == 1;

    /// <summary>Dead-lettered, or pending and not claimed at <paramref name="at"/>: closed by an operator.</summary>
    public async Task<bool> ResolveAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET state = 'Resolved', lease_until = NULL, waiting_since = NULL, completed_at = $next WHERE id = $id AND {Actionable}",
            [("$next", at), ("$id", id)],
            cancellationToken) == 1;

    public async Task<bool> MarkWaitingAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET waiting_since = COALESCE(waiting_since, $at) WHERE id = $id AND state = '{Pending}'",
            [("$at", at), ("$id", id)],
            cancellationToken) == 1;

    public async Task<bool> DeadLetterAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            $"UPDATE {table} SET state = 'DeadLettered', last_error = $error, lease_until = NULL, completed_at = $at " +
            $"WHERE id = $id AND state = '{Pending}'",
            [("$error", reason), ("$at", at), ("$id", id)],
            cancellationToken) == 1;
}
