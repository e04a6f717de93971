using System.Data;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Retention;

namespace Itk3.Gateway.Postgres;

/// <summary>Blanks the payload bytes of finished items past their retention, in batches of short transactions.</summary>
/// <remarks>Batches take their rows <c>FOR UPDATE SKIP LOCKED</c>, so instances purging at once share the work and never wait on
/// each other or on a unit of work. PostgreSQL keeps the replaced row versions until (auto)vacuum reclaims them; the
/// bytes then leave the table files (docs/scale-out.md).</remarks>
internal sealed class PgContentPurge(PgConnector connector)
{
    private const int BatchSize = 500;

    private static readonly string FinishedInbound = string.Join(", ", new[]
    {
        InboundState.DeliveredToApplication, InboundState.BusinessOutcomeReported, InboundState.Complete, InboundState.Rejected,
    }.Select(s => $"'{s}'"));

    public async Task<PurgeReport> RunAsync(RetentionCutoffs cutoffs, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        var inbound = await PurgeAsync("inbound_messages", "mesh_message_id",
            $"received_at < @cutoff AND acknowledged_at IS NOT NULL AND state IN ({FinishedInbound})", cutoffs.InboundMessages, now, dryRun, cancellationToken);
        var outbox = await PurgeAsync("outbox", "id", $"state = '{OutboxState.Sent}' AND completed_at < @cutoff", cutoffs.OutboxItems, now, dryRun, cancellationToken);
        var deliveries = await PurgeAsync(
            "deliveries", "id", $"state = '{DeliveryState.Delivered}' AND completed_at < @cutoff", cutoffs.Deliveries, now, dryRun, cancellationToken);
        return new PurgeReport(inbound.Count, outbox.Count, deliveries.Count, inbound.Bytes + outbox.Bytes + deliveries.Bytes);
    }

    private async Task<(int Count, long Bytes)> PurgeAsync(
        string table, string key, string finished, DateTimeOffset? cutoff, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        if (cutoff is not { } before)
        {
            return (0, 0);
        }

        var where = $"content_purged_at IS NULL AND {finished}";
        IReadOnlyList<(string, object?)> parameters = [("@cutoff", before), ("@now", now)];
        var (count, bytes) = (0, 0L);
        while (true)
        {
            await using var connection = await connector.OpenAsync(cancellationToken);
            await using var transaction = await connector.BeginAsync(connection, IsolationLevel.ReadCommitted, cancellationToken);
            var session = new PgSession(connection, transaction, writable: true);
            if (dryRun)
            {
                return await CountAsync(session, $"SELECT COUNT(*)::int, COALESCE(SUM(octet_length(content)), 0)::bigint FROM {table} WHERE {where}", parameters, cancellationToken);
            }

            var rows = await session.QueryAsync(
                $"SELECT {key}, octet_length(content) FROM {table} WHERE {where} ORDER BY {key} LIMIT {BatchSize} FOR UPDATE SKIP LOCKED",
                parameters,
                r => (Key: r.GetString(0), Bytes: (long)r.GetInt32(1)),
                cancellationToken);
            if (rows.Count == 0)
            {
                return (count, bytes);
            }

            await session.ExecuteAsync(
                $"UPDATE {table} SET content = ''::bytea, content_purged_at = @now WHERE {key} = ANY(@keys)",
                [("@now", now), ("@keys", rows.Select(r => r.Key).ToArray())],
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            (count, bytes) = (count + rows.Count, bytes + rows.Sum(r => r.Bytes));
        }
    }

    private static async Task<(int Count, long Bytes)> CountAsync(
        PgSession session, string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleAsync(sql, parameters, r => new Tuple<int, long>(r.GetInt32(0), r.GetInt64(1)), cancellationToken);
        return (row!.Item1, row.Item2);
    }
}
