using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Retention;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>
/// Blanks the payload bytes of finished items past their retention, in batches of short write transactions, with
/// <c>secure_delete</c> on so the freed pages are zeroed, then checkpoints and truncates the WAL so no copy stays in it.
/// </summary>
internal sealed class ContentPurge(SqliteConnector connector, WriteGate writeGate)
{
    private const int BatchSize = 500;

    private static readonly string FinishedInbound = string.Join(", ", new[]
    {
        InboundState.DeliveredToApplication, InboundState.BusinessOutcomeReported, InboundState.Complete, InboundState.Rejected,
    }.Select(s => $"'{s}'"));

    public async Task<PurgeReport> RunAsync(RetentionCutoffs cutoffs, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        var inbound = await PurgeAsync("inbound_messages",
            $"received_at < $cutoff AND acknowledged_at IS NOT NULL AND state IN ({FinishedInbound})", cutoffs.InboundMessages, now, dryRun, cancellationToken);
        var outbox = await PurgeAsync("outbox", $"state = '{OutboxState.Sent}' AND completed_at < $cutoff", cutoffs.OutboxItems, now, dryRun, cancellationToken);
        var deliveries = await PurgeAsync("deliveries", $"state = '{DeliveryState.Delivered}' AND completed_at < $cutoff", cutoffs.Deliveries, now, dryRun, cancellationToken);
        if (!dryRun && inbound.Count + outbox.Count + deliveries.Count > 0)
        {
            await CheckpointAsync(cancellationToken);
        }

        return new PurgeReport(inbound.Count, outbox.Count, deliveries.Count, inbound.Bytes + outbox.Bytes + deliveries.Bytes);
    }

    private async Task<(int Count, long Bytes)> PurgeAsync(
        string table, string finished, DateTimeOffset? cutoff, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        if (cutoff is not { } before)
        {
            return (0, 0);
        }

        var where = $"content_purged_at IS NULL AND {finished}";
        IReadOnlyList<(string, object?)> parameters = [("$cutoff", before), ("$now", now)];
        if (dryRun)
        {
            await using var reader = await connector.OpenAsync(cancellationToken);
            return await CountAsync(new SqlSession(reader, null), $"SELECT COUNT(*), COALESCE(SUM({StoredContent.Length}), 0) FROM {table} WHERE {where}", parameters, cancellationToken);
        }

        var batch = $"rowid IN (SELECT rowid FROM {table} WHERE {where} ORDER BY rowid LIMIT {BatchSize})";
        var (count, bytes) = (0, 0L);
        while (true)
        {
            using var pass = await writeGate.EnterAsync(cancellationToken);
            await using var connection = await OpenSecureAsync(cancellationToken);
            await using var transaction = SqliteConnector.BeginImmediate(connection);
            var session = new SqlSession(connection, transaction);
            var (n, b) = await CountAsync(session, $"SELECT COUNT(*), COALESCE(SUM({StoredContent.Length}), 0) FROM {table} WHERE {batch}", parameters, cancellationToken);
            if (n == 0)
            {
                return (count, bytes);
            }

            await session.ExecuteAsync(StoredContent.DeleteReferencedBy(table, batch), parameters, cancellationToken);
            await session.ExecuteAsync($"UPDATE {table} SET content = X'', content_seq = NULL, content_purged_at = $now WHERE {batch}", parameters, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            (count, bytes) = (count + n, bytes + b);
        }
    }

    private static async Task<(int Count, long Bytes)> CountAsync(
        SqlSession session, string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleAsync(sql, parameters, r => new Tuple<int, long>(r.GetInt32(0), r.GetInt64(1)), cancellationToken);
        return (row!.Item1, row.Item2);
    }

    private async Task<SqliteConnection> OpenSecureAsync(CancellationToken cancellationToken)
    {
        var connection = await connector.OpenAsync(cancellationToken);
        await new SqlSession(connection, null).ExecuteAsync("PRAGMA secure_delete = ON;", [], cancellationToken);
        return connection;
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        // Moves the zeroed pages into the database file and empties the WAL, so the old bytes survive in neither file.
        await using var connection = await connector.OpenAsync(cancellationToken);
        await new SqlSession(connection, null).ScalarAsync("PRAGMA wal_checkpoint(TRUNCATE);", [], cancellationToken);
    }
}
