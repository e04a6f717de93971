using System.Diagnostics;
using Itk3.Gateway.Chaos.Cluster;
using Itk3.Gateway.Chaos.Recording;

namespace Itk3.Gateway.Chaos.Faults;

/// <summary>Injects faults at random (seeded) for the window: the proxy faults MESH calls throughout, and every second an
/// event (a kill -9 and restart, the application down or failing) starts with probability EventsPerMinute/60.</summary>
internal sealed class FaultSchedule(ChaosCluster cluster, ChaosSettings settings, Action<string> log)
{
    private readonly Random _random = new(settings.Seed);
    private readonly Dictionary<FaultEvent, int> _counts = [];
    private readonly Dictionary<FaultEvent, TimeSpan> _outage = [];
    private readonly HashSet<string> _busy = [];
    private int _pollerKills;

    /// <summary>Events injected, by kind.</summary>
    public IReadOnlyDictionary<FaultEvent, int> Counts => _counts;

    /// <summary>Kills that hit the instance holding its node's MESH poller lease (several instances on PostgreSQL).</summary>
    public int PollerKills => _pollerKills;

    /// <summary>Total time the application was down or failing, by kind.</summary>
    public IReadOnlyDictionary<FaultEvent, TimeSpan> Outage => _outage;

    /// <summary>Runs the window, then lifts every fault (everything restarted, the application up, the proxy clean).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        cluster.Proxy.FaultRate = settings.FaultRate;
        while (clock.Elapsed < settings.Duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            if (_random.NextDouble() < settings.EventsPerMinute / 60)
            {
                var kind = (FaultEvent)_random.Next(5);
                var remaining = settings.Duration - clock.Elapsed;
                running.Add(InjectAsync(kind, remaining, cancellationToken));
            }
        }

        cluster.Proxy.FaultRate = 0;
        await Task.WhenAll(running).ConfigureAwait(false);
        log("faults lifted");
    }

    private async Task InjectAsync(FaultEvent kind, TimeSpan remaining, CancellationToken cancellationToken)
    {
        var target = kind switch
        {
            FaultEvent.KillHospital => "hospital",
            FaultEvent.KillPractice => "practice",
            FaultEvent.KillMesh => "mesh",
            _ => "application",
        };
        TimeSpan pause;
        int pick;
        lock (_busy)
        {
            if (!_busy.Add(target))
            {
                return;
            }

            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            pause = kind switch
            {
                FaultEvent.ApplicationDown => Stretch(settings.ApplicationOutage / 3, settings.ApplicationOutage, remaining),
                FaultEvent.ApplicationFailing => Stretch(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), remaining),
                _ => TimeSpan.FromMilliseconds(_random.Next(500, 3000)),
            };
            pick = _random.Next(int.MaxValue);
        }

        try
        {
            await ApplyAsync(kind, pause, pick, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_busy)
            {
                _busy.Remove(target);
                if (kind is FaultEvent.ApplicationDown or FaultEvent.ApplicationFailing)
                {
                    _outage[kind] = _outage.GetValueOrDefault(kind) + pause;
                }
            }
        }
    }

    private async Task ApplyAsync(FaultEvent kind, TimeSpan pause, int pick, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FaultEvent.ApplicationDown or FaultEvent.ApplicationFailing:
                var mode = kind == FaultEvent.ApplicationDown ? ApplicationMode.Down : ApplicationMode.Failing;
                log($"application {mode.ToString().ToLowerInvariant()} for {pause.TotalSeconds:0} s");
                await cluster.Application.SetModeAsync(mode).ConfigureAwait(false);
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                await cluster.Application.SetModeAsync(ApplicationMode.Up).ConfigureAwait(false);
                log("application up");
                break;
            default:
                var node = kind == FaultEvent.KillHospital ? cluster.Hospital : cluster.Practice;
                var poller = kind == FaultEvent.KillMesh ? null : await cluster.Store.PollerAsync(node.Spec).ConfigureAwait(false);
                // Every other kill of a node with several instances hits the one polling MESH, so that failover is exercised.
                var process = kind == FaultEvent.KillMesh ? cluster.Mesh.Process
                    : pick % 2 == 0 && node.Instances.FirstOrDefault(i => i.Name == poller) is { } polling ? polling
                    : node.Instances[pick % node.Instances.Count];
                var role = process.Name == poller ? ", the poller" : string.Empty;
                _pollerKills += role.Length > 0 ? 1 : 0;
                log($"kill -9 {process.Name} (pid {process.ProcessId}{role}); restart in {pause.TotalSeconds:0.0} s");
                await process.KillAsync().ConfigureAwait(false);
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                process.Start();
                break;
        }
    }

    private TimeSpan Stretch(TimeSpan shortest, TimeSpan longest, TimeSpan remaining)
    {
        var span = shortest + ((longest - shortest) * _random.NextDouble());
        return span < remaining ? span : (remaining > shortest ? remaining : shortest);
    }
}
