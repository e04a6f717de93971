using System.Diagnostics;
using Itk3.Gateway.Chaos.Cluster;
using Itk3.Gateway.Chaos.Recording;

namespace Itk3.Gateway.Chaos.Memory;

/// <summary>The receiving node's peak resident set for 1 large message (baseline) and for each further N, measured in the same run
/// on fresh nodes: the messages wait at MESH before the node starts, so it meets them all at once. Then, with
/// <see cref="OutboundMemoryRounds"/>, the sending node's for 1 and each N large submissions made at once.</summary>
internal sealed class PeakMemoryRun(IReadOnlyList<int> counts, double sizeMegabytes, TextWriter output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    /// <summary>Runs the rounds of <paramref name="directions"/> (inbound, then outbound) and prints the figures; false when a round did not deliver or send everything.</summary>
    public async Task<bool> RunAsync(string itk3, string root, string directions, CancellationToken cancellationToken)
    {
        var observations = ObservationsFor(sizeMegabytes);
        var size = Payloads.DischargeSummary(Payloads.DocumentId(0, 0), DateTimeOffset.UnixEpoch, observations).Length;
        output.WriteLine($"memory ({directions}): payload {size / 1048576.0:0.0} MB ({observations} observations); rounds of {string.Join(", ", counts)} messages; data under {root}");
        NodeSpec[] nodes = [NodeSpec.Hospital, NodeSpec.Practice];
        await using var mesh = MeshServerProcess.Start(itk3, root, nodes);
        if (!await mesh.WaitUpAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"the MESH server did not start: see {root}/mesh.log");
        }

        var complete = directions is "outbound" || await InboundAsync(itk3, root, mesh, observations, size, cancellationToken).ConfigureAwait(false);
        if (directions is "outbound" or "both")
        {
            var outbound = new OutboundMemoryRounds(counts, observations, output);
            complete &= await outbound.RunAsync(itk3, root, mesh, size, cancellationToken).ConfigureAwait(false);
        }

        return complete;
    }

    private async Task<bool> InboundAsync(string itk3, string root, MeshServerProcess mesh, int observations, long size, CancellationToken cancellationToken)
    {
        await using var hospital = GatewayNode.Start(itk3, root, NodeSpec.Hospital, mesh.Url, null);
        if (!await hospital.WaitUpAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"the hospital node did not start: see {root}/hospital.log");
        }

        var rounds = new List<MemoryRound>();
        foreach (var count in counts)
        {
            rounds.Add(await RoundAsync(itk3, root, mesh, hospital, count, observations, rounds.Count, cancellationToken).ConfigureAwait(false));
        }

        MemoryCurve.Print(output, "receiving", size, rounds);
        return rounds.All(r => r.Complete);
    }

    private async Task<MemoryRound> RoundAsync(
        string itk3, string root, MeshServerProcess mesh, GatewayNode hospital, int count, int observations, int round, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var document = Payloads.DischargeSummary(Payloads.DocumentId(round + 1, i), DateTimeOffset.UtcNow, observations);
            if (!await hospital.Api.SubmitAsync($"memory-{round}-{i}", document, "Mailbox", NodeSpec.Practice.Mailbox, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"the hospital node refused submission {i}: see {root}/hospital.log");
            }
        }

        await WaitSentAsync(hospital, $"memory-{round}-", count, Patience, cancellationToken).ConfigureAwait(false);
        await using var application = new RecordingApplication(LoopbackPorts.Next());
        await application.SetModeAsync(ApplicationMode.Up).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await using var practice = GatewayNode.Start(itk3, root, NodeSpec.Practice with { Name = $"practice-round{round + 1}" }, mesh.Url, application.CallbackUrl);
        var peak = 0L;
        while (application.Log.Documents.Count < count && clock.Elapsed < Patience)
        {
            peak = Math.Max(peak, practice.PeakResidentBytes() ?? 0);
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        peak = Math.Max(peak, practice.PeakResidentBytes() ?? 0);
        output.WriteLine($"round {round + 1}: {application.Log.Documents.Count}/{count} delivered in {elapsed.TotalSeconds:0} s, peak RSS {Mb(peak)} MB");
        return new MemoryRound(count, peak, elapsed, application.Log.Documents.Count == count);
    }

    /// <summary>Waits until <paramref name="count"/> transactions whose id starts with <paramref name="prefix"/> have left Queued.</summary>
    internal static async Task WaitSentAsync(GatewayNode hospital, string prefix, int count, TimeSpan patience, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + patience;
        while (DateTimeOffset.UtcNow < until)
        {
            var states = await hospital.Api.TransactionStatesAsync(cancellationToken).ConfigureAwait(false);
            if (states.Count(s => s.Key.StartsWith(prefix, StringComparison.Ordinal) && s.Value != "Queued") >= count)
            {
                return;
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException("the hospital node did not send the messages in time");
    }

    private static int ObservationsFor(double megabytes)
    {
        var empty = Payloads.DischargeSummary(Payloads.DocumentId(0, 0), DateTimeOffset.UnixEpoch).Length;
        var thousand = Payloads.DischargeSummary(Payloads.DocumentId(0, 0), DateTimeOffset.UnixEpoch, 1000).Length;
        return (int)Math.Max(0, ((megabytes * 1048576) - empty) / ((thousand - empty) / 1000.0));
    }

    internal static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
