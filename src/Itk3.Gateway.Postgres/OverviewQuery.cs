using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Postgres;

/// <summary>Reads the dashboard overview in one snapshot; every query is bounded by an index on its time or state column.</summary>
internal static class OverviewQuery
{
    public static async Task<GatewayOverview> ReadAsync(PgSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = new List<(string Name, object? Value)> { ("@hour", now.AddHours(-1)), ("@day", now.AddDays(-1)) };
        var sent = await session.QueryAsync(
            "SELECT flow, (COUNT(*) FILTER (WHERE created_at >= @hour))::int, COUNT(*)::int FROM transactions WHERE created_at >= @day GROUP BY flow",
            window, r => (Flow: r.GetString(0), Hour: r.GetInt32(1), Day: r.GetInt32(2)), cancellationToken);
        var received = await session.QueryAsync(
            "SELECT COALESCE(flow, workflow_id, 'unknown'), (COUNT(*) FILTER (WHERE received_at >= @hour))::int, COUNT(*)::int " +
            "FROM inbound_messages WHERE received_at >= @day GROUP BY 1",
            window, r => (Flow: r.GetString(0), Hour: r.GetInt32(1), Day: r.GetInt32(2)), cancellationToken);
        var codes = await session.QueryAsync(
            "SELECT code, COUNT(*)::int FROM transaction_responses WHERE received_at >= @day GROUP BY code ORDER BY code COLLATE \"C\"",
            window, r => new KeyValuePair<string, int>(r.GetString(0), r.GetInt32(1)), cancellationToken);
        var states = Enum.GetValues<TransactionState>().ToDictionary(s => s, _ => 0);
        foreach (var (state, count) in await session.QueryAsync(
            "SELECT state, COUNT(*)::int FROM transactions GROUP BY state", [], r => (Enum.Parse<TransactionState>(r.GetString(0)), r.GetInt32(1)), cancellationToken))
        {
            states[state] = count;
        }

        return new GatewayOverview(now, Merge(sent, received), codes, states,
            await DepthAsync(session, "outbox", cancellationToken), await DepthAsync(session, "deliveries", cancellationToken))
        {
            LastReceivedAt = await LatestAsync(session, "SELECT MAX(received_at) FROM inbound_messages", cancellationToken),
            LastSentAt = await LatestAsync(session, "SELECT MAX(completed_at) FROM outbox WHERE state = 'Sent'", cancellationToken),
        };
    }

    private static List<FlowActivity> Merge(
        IReadOnlyList<(string Flow, int Hour, int Day)> sent, IReadOnlyList<(string Flow, int Hour, int Day)> received)
    {
        var flows = sent.Select(s => s.Flow).Union(received.Select(r => r.Flow), StringComparer.Ordinal);
        return [.. flows
            .Select(f =>
            {
                var s = sent.FirstOrDefault(x => x.Flow == f);
                var r = received.FirstOrDefault(x => x.Flow == f);
                return new FlowActivity(f, s.Hour, s.Day, r.Hour, r.Day);
            })
            .OrderByDescending(a => a.SentLastDay + a.ReceivedLastDay)
            .ThenBy(a => a.Flow, StringComparer.Ordinal)];
    }

    private static async Task<QueueDepth> DepthAsync(PgSession session, string table, CancellationToken cancellationToken)
    {
        var row = await session.QueryAsync(
            $"SELECT COUNT(*)::int, MIN(created_at) FROM {table} WHERE state = 'Pending'", [],
            r => new QueueDepth(r.GetInt32(0), r.IsDBNull(1) ? null : new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero)),
            cancellationToken);
        return row[0];
    }

    private static async Task<DateTimeOffset?> LatestAsync(PgSession session, string sql, CancellationToken cancellationToken) =>
        await session.ScalarAsync(sql, [], cancellationToken) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
