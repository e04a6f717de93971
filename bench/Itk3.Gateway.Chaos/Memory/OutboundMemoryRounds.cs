using System.Diagnostics;
using Itk3.Gateway.Chaos.Cluster;

namespace Itk3.Gateway.Chaos.Memory;

/// <summary>The sending node's peak resident set for 1 large submission (baseline) and for each further N submitted at once, each
/// round on a fresh node and store: the node checks and builds every submission, stores it and sends it to MESH.</summary>
internal sealed class OutboundMemoryRounds(IReadOnlyList<int> counts, int observations, TextWriter output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    /// <summary>Runs the rounds and prints the curve; false when a round did not submit and send everything.</summary>
    public async Task<bool> RunAsync(string itk3, string root, MeshServerProcess mesh, long size, CancellationToken cancellationToken)
    {
        var rounds = new List<MemoryRound>();
        foreach (var count in counts)
        {
            rounds.Add(await RoundAsync(itk3, root, mesh, count, rounds.Count + 1, cancellationToken).ConfigureAwait(false));
        }

        MemoryCurve.Print(output, "sending", size, rounds);
        return rounds.All(r => r.Complete);
    }

    private async Task<MemoryRound> RoundAsync(
        string itk3, string root, MeshServerProcess mesh, int count, int round, CancellationToken cancellationToken)
    {
        await using var hospital = GatewayNode.Start(itk3, root, NodeSpec.Hospital with { Name = $"hospital-outbound{round}" }, mesh.Url, null, apiTimeout: Patience);
        if (!await hospital.WaitUpAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"the hospital node did not start: see {root}/hospital-outbound{round}.log");
        }

        var documents = Enumerable.Range(0, count)
            .Select(i => Payloads.DischargeSummary(Payloads.DocumentId(round + 10, i), DateTimeOffset.UtcNow, observations)).ToList();
        var peak = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(hospital, p => peak = Math.Max(peak, p), sampling.Token);
        var clock = Stopwatch.StartNew();
        var accepted = await Task.WhenAll(documents.Select((d, i) =>
            hospital.Api.SubmitAsync($"outbound-{round}-{i}", d, "Mailbox", NodeSpec.Practice.Mailbox, cancellationToken))).ConfigureAwait(false);
        var sent = accepted.All(a => a);
        if (sent)
        {
            await PeakMemoryRun.WaitSentAsync(hospital, $"outbound-{round}-", count, Patience, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        peak = Math.Max(peak, hospital.PeakResidentBytes() ?? 0);
        output.WriteLine($"outbound round {round}: {accepted.Count(a => a)}/{count} accepted and sent in {elapsed.TotalSeconds:0} s, peak RSS {PeakMemoryRun.Mb(peak)} MB");
        return new MemoryRound(count, peak, elapsed, sent);
    }

    private static async Task SampleAsync(GatewayNode node, Action<long> record, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            record(node.PeakResidentBytes() ?? 0);
            try
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
