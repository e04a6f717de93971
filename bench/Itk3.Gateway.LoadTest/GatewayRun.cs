using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using System.Threading.Channels;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.LoadTest;

/// <summary>N discharge summaries from a hospital node to a GP node; the GP application reports 30001 for each. Each node runs
/// one or more instances on its store (several only on PostgreSQL); submissions and outcome reports are spread over them.</summary>
internal static class GatewayRun
{
    public sealed record Result(int Completed, TimeSpan Elapsed, double TransactionsPerSecond, TimeSpan P50, TimeSpan P99);

    public static async Task<Result> RunAsync(string folder, LoadSettings settings, LoadStore store)
    {
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOSP01", "RR8"), ("X26GPP001", "A12345")], Path.Combine(folder, "mesh"));
        var outcomes = Channel.CreateUnbounded<(GatewayHost Node, string MeshId)>();
        await using var hospitals = await LoadNodes.StartAsync("X26HOSP01", "RR8", Path.Combine(folder, "hospital"), mesh.BaseAddress, store, _ => null);
        await using var practices = await LoadNodes.StartAsync(
            "X26GPP001", "A12345", Path.Combine(folder, "practice"), mesh.BaseAddress, store, node => new ChannelTarget(node, outcomes.Writer));
        var hospital = hospitals.First;
        var reporter = Task.Run(() => ReportOutcomesAsync(outcomes.Reader));

        var stopwatch = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Transactions), new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency }, async (i, ct) =>
        {
            var document = SampleDocuments.DischargeSummary($"00000000-0000-4000-8000-{i:x12}", now);
            var result = await hospitals.Next(i).Application.SubmitAsync(new SubmitRequest(document, RecipientKind.Mailbox, "X26GPP001", "TOC_FHIR_IP_DISCH"), ct);
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException(result.Error!.ToString());
            }
        });
        var completed = await WaitForCompletionAsync(hospital.Queries, settings.Transactions);
        stopwatch.Stop();
        outcomes.Writer.Complete();
        await reporter;
        var latencies = await LatenciesAsync(hospital.Queries);
        return new Result(completed, stopwatch.Elapsed, completed / stopwatch.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>The application reports each outcome to the instance that delivered the message (any instance would do).</summary>
    private static async Task ReportOutcomesAsync(ChannelReader<(GatewayHost Node, string MeshId)> received)
    {
        await Parallel.ForEachAsync(received.ReadAllAsync(), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (delivered, ct) =>
            await delivered.Node.Application.ReportOutcomeAsync(new OutcomeReport(delivered.MeshId, "30001"), ct));
    }

    private static async Task<int> WaitForCompletionAsync(IGatewayQueries queries, int expected)
    {
        var last = -1;
        var stalled = Stopwatch.StartNew();
        while (true)
        {
            var counts = await queries.CountTransactionsByStateAsync(CancellationToken.None);
            var done = counts[TransactionState.Complete] + counts[TransactionState.Failed] + counts[TransactionState.TimedOut];
            if (done >= expected)
            {
                return counts[TransactionState.Complete];
            }

            if (done != last)
            {
                last = done;
                stalled.Restart();
            }
            else if (stalled.Elapsed > TimeSpan.FromSeconds(60))
            {
                return counts[TransactionState.Complete];
            }

            await Task.Delay(100);
        }
    }

    private static async Task<List<TimeSpan>> LatenciesAsync(IGatewayQueries queries)
    {
        var all = new List<TimeSpan>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await queries.ListTransactionsAsync(new ListFilter<TransactionState> { States = [TransactionState.Complete], Skip = skip, Take = 500 }, CancellationToken.None);
            all.AddRange(page.Items.Select(t => (t.UpdatedAt ?? t.CreatedAt) - t.CreatedAt));
            if (page.Items.Count < 500)
            {
                return all;
            }
        }
    }

    private static TimeSpan Percentile(List<TimeSpan> values, double p)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        values.Sort();
        return values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    }

    private sealed class ChannelTarget(Func<GatewayHost> node, ChannelWriter<(GatewayHost Node, string MeshId)> writer) : IDeliveryTarget
    {
        public Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken) =>
            writer.WriteAsync((node(), item.InboundMeshMessageId!), cancellationToken).AsTask();
    }
}
