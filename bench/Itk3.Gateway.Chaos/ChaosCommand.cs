using System.CommandLine;
using System.Globalization;
using Itk3.Gateway.Chaos.Cluster;
using Itk3.Gateway.Chaos.Memory;

namespace Itk3.Gateway.Chaos;

/// <summary>The command line: the chaos run (root command) and the <c>memory</c> benchmark.</summary>
internal static class ChaosCommand
{
    private const string About =
        "Chaos tool for the itk3 gateway. Starts, as separate processes on 127.0.0.1, a MESH server (itk3 mesh serve) and two\n"
        + "nodes (itk3 serve): a hospital that submits N transactions over its API and a practice that delivers each payload\n"
        + "to a recording application (a callback receiver in this tool that records every delivery with its Idempotency-Key and\n"
        + "reports business outcome 30001). Both nodes reach MESH through a fault-injecting proxy.\n\n"
        + "For --duration it injects faults at random, seeded by --seed: the proxy answers a share (--fault-rate) of every kind of\n"
        + "MESH call (handshake, send, chunk, inbox, download, acknowledge, track, lookup) with 500, 502, a dropped connection\n"
        + "after 3 s, or forwards it and loses the answer; and about --events-per-minute times a minute it kills (-9) a node or\n"
        + "the MESH server and restarts it, takes the application down (up to --app-outage) or makes it answer 500.\n"
        + "Then it lifts the faults, waits (up to --settle) for every payload to be delivered and every transaction to be\n"
        + "Complete, and prints: submitted, delivered unique, delivered total, lost, stuck, duplicate deliveries with distinct\n"
        + "idempotency keys (must be 0) and transactions per state. Exit code 0 when clean, 1 when not, 2 on a usage error.\n\n"
        + "Build first (Release):  dotnet build bench/Itk3.Gateway.Chaos -c Release\n"
        + "Example:  dotnet bench/Itk3.Gateway.Chaos/bin/Release/net10.0/Itk3.Gateway.Chaos.dll --seed 7 --transactions 100 --duration 00:02:00";

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seeds the fault events (same seed, same event schedule) and the proxy's choices.", DefaultValueFactory = _ => 1 };
        var transactions = new Option<int>("--transactions", "-n") { Description = "Transactions the hospital submits, spread over the fault window.", DefaultValueFactory = _ => 100 };
        var duration = new Option<TimeSpan>("--duration") { Description = "How long faults are injected (hh:mm:ss).", DefaultValueFactory = _ => TimeSpan.FromMinutes(2) };
        var faultRate = new Option<double>("--fault-rate") { Description = "Share of MESH calls the proxy faults during the window (0 to 1).", DefaultValueFactory = _ => 0.1 };
        var events = new Option<double>("--events-per-minute") { Description = "Average kills and application outages started per minute.", DefaultValueFactory = _ => 6 };
        var outage = new Option<TimeSpan>("--app-outage") { Description = "The longest application outage (hh:mm:ss); each lasts a third to all of it.", DefaultValueFactory = _ => TimeSpan.FromSeconds(90) };
        var settle = new Option<TimeSpan>("--settle") { Description = "How long to wait for convergence after the faults stop (hh:mm:ss).", DefaultValueFactory = _ => TimeSpan.FromMinutes(10) };
        var itk3 = ItkOption();
        var data = DataOption();
        var keep = new Option<bool>("--keep") { Description = "Keep the run's folders and process logs (printed at the start)." };
        var store = new Option<string>("--store") { Description = "sqlite (one instance per node) or postgres (--instances per node, one schema each).", DefaultValueFactory = _ => "sqlite" };
        var instances = new Option<int>("--instances") { Description = "Instances per node sharing its store (postgres only); every other kill of a node hits the instance polling MESH.", DefaultValueFactory = _ => 1 };
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string for --store postgres (default: ITK3_TEST_POSTGRES)." };
        var root = new RootCommand(About) { seed, transactions, duration, faultRate, events, outage, settle, itk3, data, keep, store, instances, postgres };
        root.Subcommands.Add(MemoryCommand());
        root.SetAction(async (r, ct) =>
        {
            var settings = new ChaosSettings(r.GetValue(seed), r.GetValue(transactions), r.GetValue(duration), r.GetValue(faultRate), r.GetValue(events),
                r.GetValue(outage), r.GetValue(settle), r.GetValue(itk3), r.GetValue(data)!, r.GetValue(keep))
            {
                Store = new ChaosStore(r.GetValue(store)!, r.GetValue(instances), r.GetValue(postgres) ?? Environment.GetEnvironmentVariable("ITK3_TEST_POSTGRES")),
            };
            if (settings.Transactions < 1 || settings.FaultRate is < 0 or > 1 || settings.Duration <= TimeSpan.Zero || !settings.Store.IsValid)
            {
                await Console.Error.WriteLineAsync(
                    "--transactions must be at least 1, --fault-rate between 0 and 1, --duration positive, --store sqlite or postgres " +
                    "(several --instances only on postgres, with --postgres or ITK3_TEST_POSTGRES)").ConfigureAwait(false);
                return 2;
            }

            return await InFolderAsync(settings.DataRoot, "chaos", settings.Keep, (folder, token) =>
                new ChaosRun(settings, Console.Out).RunAsync(Itk3Locator.Find(settings.Itk3), folder, token), ct).ConfigureAwait(false);
        });
        return root;
    }

    private static Command MemoryCommand()
    {
        var messages = new Option<string>("--messages")
        {
            Description = "Large messages per measured round: one count (16) or several (1,4,16,32), one round each on a fresh node; a 1-message baseline round is always run first.",
            DefaultValueFactory = _ => "16",
        };
        var size = new Option<double>("--size-mb") { Description = "Approximate size of each payload in MB.", DefaultValueFactory = _ => 9 };
        var direction = new Option<string>("--direction") { Description = "inbound, outbound or both (inbound first).", DefaultValueFactory = _ => "both" };
        direction.AcceptOnlyFromAmong("inbound", "outbound", "both");
        var itk3 = ItkOption();
        var data = DataOption();
        var command = new Command("memory",
            "Peak-memory benchmark. Inbound: the hospital node queues large discharge summaries at MESH, then a fresh practice node\n"
            + "(itk3 serve, its own process) is started and receives, stores and delivers them all; its peak resident set (VmHWM)\n"
            + "is read when the last one is delivered. Outbound: a fresh hospital node is given the payloads through its API all at\n"
            + "once and checks, builds, stores and sends them; its VmHWM is read when the last one is sent. The first round has one\n"
            + "message (the baseline), then one round per count of --messages, ascending; each prints its peak and its ratio to the\n"
            + "baseline. Flat in N is the goal.\n\n"
            + "Example:  dotnet bench/Itk3.Gateway.Chaos/bin/Release/net10.0/Itk3.Gateway.Chaos.dll memory --messages 1,4,16,32 --size-mb 9")
        { messages, size, direction, itk3, data };
        command.SetAction(async (r, ct) =>
        {
            if (MemoryCurve.Parse(r.GetValue(messages)!, out var error) is not { } counts)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
                return 2;
            }

            var megabytes = r.GetValue(size);
            return await InFolderAsync(r.GetValue(data)!, "memory", keep: false, (folder, token) =>
                new PeakMemoryRun(counts, megabytes, Console.Out).RunAsync(Itk3Locator.Find(r.GetValue(itk3)), folder, r.GetValue(direction)!, token), ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Option<string?> ItkOption() => new("--itk3") { Description = "The built itk3.dll to run (default: src/Itk3.Cli/bin/<same configuration>/net10.0/itk3.dll)." };

    private static Option<string> DataOption() => new("--data") { Description = "Folder under which the run's data goes.", DefaultValueFactory = _ => Path.GetTempPath() };

    private static async Task<int> InFolderAsync(string dataRoot, string name, bool keep, Func<string, CancellationToken, Task<bool>> run, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dataRoot, $"itk3-{name}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}")).FullName;
        try
        {
            return await run(folder, cancellationToken).ConfigureAwait(false) ? 0 : 1;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"{name}: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
