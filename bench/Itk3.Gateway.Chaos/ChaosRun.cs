using System.Diagnostics;
using Itk3.Gateway.Chaos.Cluster;
using Itk3.Gateway.Chaos.Faults;
using Itk3.Gateway.Chaos.Recording;

namespace Itk3.Gateway.Chaos;

/// <summary>One chaos run: start the cluster, submit while faults are injected, lift the faults, wait for convergence, count.</summary>
internal sealed class ChaosRun(ChaosSettings settings, TextWriter output)
{
    private readonly Stopwatch _clock = new();
    private int _submitted;

    /// <summary>Runs and prints the summary; true when nothing was lost, stuck or duplicated.</summary>
    public async Task<bool> RunAsync(string itk3, string root, CancellationToken cancellationToken)
    {
        output.WriteLine($"chaos: seed {settings.Seed}, {settings.Transactions} transactions, faults for {settings.Duration.TotalSeconds:0} s " +
                         $"(MESH fault rate {settings.FaultRate:0.00}, {settings.EventsPerMinute:0.#} events/min), settle limit {settings.Settle.TotalSeconds:0} s; " +
                         $"store {settings.Store.Provider}, {settings.Store.Instances} instance(s) per node");
        output.WriteLine($"chaos: processes run {itk3}; folders and logs under {root}");
        await using var cluster = await ChaosCluster.StartAsync(itk3, root, settings.Seed, settings.Store, cancellationToken).ConfigureAwait(false);
        _clock.Start();
        var schedule = new FaultSchedule(cluster, settings, Log);
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = new OutcomeReporter(cluster.Application.Outcomes, cluster.Practice.Api).RunAsync(stopReporting.Token);
        var faults = schedule.RunAsync(cancellationToken);
        await SubmitAllAsync(cluster.Hospital.Api, cancellationToken).ConfigureAwait(false);
        await faults.ConfigureAwait(false);
        var faultsEnded = _clock.Elapsed;
        var converged = await ConvergeAsync(cluster, cancellationToken).ConfigureAwait(false);
        await stopReporting.CancelAsync().ConfigureAwait(false);
        await reporter.ConfigureAwait(false);
        var summary = await ChaosSummary.CollectAsync(cluster, schedule, _submitted, settings.Transactions, cancellationToken).ConfigureAwait(false);
        summary.Print(output, converged ? _clock.Elapsed - faultsEnded : null);
        return summary.IsClean;
    }

    private void Log(string line) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {line}");

    private async Task SubmitAllAsync(NodeApi hospital, CancellationToken cancellationToken)
    {
        // Evenly over the first 80 % of the window, each at its own time whatever the others are doing.
        var spacing = settings.Duration / Math.Max(1, settings.Transactions) * 0.8;
        var date = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, settings.Transactions).Select(async i =>
        {
            await Task.Delay(spacing * i, cancellationToken).ConfigureAwait(false);
            if (await SubmitAsync(hospital, i, date, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _submitted);
            }
            else
            {
                Log($"transaction {i}: never accepted by the hospital node");
            }
        })).ConfigureAwait(false);
    }

    private async Task<bool> SubmitAsync(NodeApi hospital, int i, DateTimeOffset date, CancellationToken cancellationToken)
    {
        var document = Payloads.DischargeSummary(Payloads.DocumentId(settings.Seed, i), date);
        var (kind, recipient) = i % 2 == 0 ? ("Mailbox", NodeSpec.Practice.Mailbox) : ("Ods", NodeSpec.Practice.OdsCode);
        var until = DateTimeOffset.UtcNow + settings.Duration + settings.Settle;
        while (DateTimeOffset.UtcNow < until)
        {
            try
            {
                // The same transaction id on every try: a submission whose answer was lost is not submitted twice.
                if (await hospital.SubmitAsync($"chaos-{settings.Seed}-{i}", document, kind, recipient, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<bool> ConvergeAsync(ChaosCluster cluster, CancellationToken cancellationToken)
    {
        Log("waiting for convergence");
        var until = _clock.Elapsed + settings.Settle;
        var nextReport = _clock.Elapsed + TimeSpan.FromSeconds(30);
        while (_clock.Elapsed < until)
        {
            try
            {
                var states = await cluster.Hospital.Api.TransactionStatesAsync(cancellationToken).ConfigureAwait(false);
                var delivered = cluster.Application.Log.Documents.Count;
                if (delivered >= _submitted && states.Count >= _submitted && states.Values.All(s => s == "Complete"))
                {
                    return true;
                }

                if (_clock.Elapsed > nextReport)
                {
                    nextReport = _clock.Elapsed + TimeSpan.FromSeconds(30);
                    Log($"delivered {delivered}/{_submitted}; transactions: " + string.Join(", ", states.Values.GroupBy(v => v).Select(g => $"{g.Key} {g.Count()}")));
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }
}
