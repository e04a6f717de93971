using Itk3.Gateway.Chaos.Cluster;
using Itk3.Gateway.Chaos.Faults;

namespace Itk3.Gateway.Chaos;

/// <summary>What a run ended with, and the lines it prints.</summary>
internal sealed record ChaosSummary(
    int Planned,
    int Submitted,
    int DeliveredUnique,
    int DeliveredTotal,
    int Lost,
    int Stuck,
    int DuplicatesWithDistinctKeys,
    int RepeatsWithSameKey,
    int Unrecognised,
    IReadOnlyDictionary<string, int> States,
    string Events,
    string ProxyFaults)
{
    /// <summary>Nothing lost, stuck or delivered twice under different keys.</summary>
    public bool IsClean => Lost == 0 && Stuck == 0 && DuplicatesWithDistinctKeys == 0 && Submitted == Planned;

    /// <summary>Counts everything at the end of the run.</summary>
    public static async Task<ChaosSummary> CollectAsync(ChaosCluster cluster, FaultSchedule schedule, int submitted, int planned, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> states;
        try
        {
            states = await cluster.Hospital.Api.TransactionStatesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            states = new Dictionary<string, string>();
        }

        var log = cluster.Application.Log;
        var byState = states.Values.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var events = string.Join(", ", Enum.GetValues<FaultEvent>().Select(e => $"{e} {schedule.Counts.GetValueOrDefault(e)}"
            + (schedule.Outage.TryGetValue(e, out var t) ? $" ({t.TotalSeconds:0} s)" : string.Empty)))
            + (cluster.Store.Instances > 1 ? $"; kills of the polling instance {schedule.PollerKills}" : string.Empty);
        var proxy = string.Join(", ", Enum.GetValues<MeshCallKind>().Select(k => $"{k} {cluster.Proxy.Injected.Where(p => p.Key.Kind == k).Sum(p => p.Value)}"));
        return new ChaosSummary(
            planned, submitted, log.Documents.Count, log.Total, Math.Max(0, submitted - log.Documents.Count),
            states.Values.Count(s => s != "Complete"), log.DuplicatesWithDistinctKeys, log.RepeatsWithSameKey, log.Unrecognised, byState, events, proxy);
    }

    /// <summary>Prints the summary lines.</summary>
    public void Print(TextWriter output, TimeSpan? convergedAfter)
    {
        output.WriteLine($"events: {Events}");
        output.WriteLine($"MESH calls faulted by the proxy: {ProxyFaults}");
        output.WriteLine(convergedAfter is { } t ? $"converged {t.TotalSeconds:0} s after the faults stopped" : "did NOT converge within the settle limit");
        output.WriteLine($"submitted {Submitted}/{Planned}, delivered unique {DeliveredUnique}, delivered total {DeliveredTotal} " +
                         $"({RepeatsWithSameKey} repeats with the same idempotency key), lost {Lost}, stuck {Stuck}, " +
                         $"duplicate deliveries with distinct idempotency keys {DuplicatesWithDistinctKeys}");
        if (Unrecognised > 0)
        {
            output.WriteLine($"deliveries without a payload of this run (counted in delivered total): {Unrecognised}");
        }

        output.WriteLine("transactions per state: " + (States.Count == 0 ? "(hospital API unreachable)" : string.Join(", ", States.Select(s => $"{s.Key} {s.Value}"))));
        output.WriteLine(IsClean ? "result: CLEAN" : "result: NOT CLEAN");
    }
}
