using System.Globalization;
using Itk3.Mesh.Benchmarks;

// Usage: dotnet run -c Release --project bench/Itk3.Mesh.Benchmarks -- [messages] [concurrency] [largeMB] [rounds] [data-root]
// data-root: where both servers store files (default: the temp directory); /dev/shm takes the disk's fsync cost out.
// Sequential mode (one message at a time): ... -- seq [messages] [rounds] [data-root]
// Inbox listing (a paged inbox among other mailboxes' messages): ... -- inbox [inbox size] [others] [listings] [data-root]
if (args.Length > 0 && args[0] == "seq")
{
    return await SequentialMode.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "inbox")
{
    return await InboxListingBenchmark.RunAsync(args[1..]);
}

// The smallest Kestrel file store, a process-cost floor for serve-probe.sh: ... -- floor [port] [data directory]
if (args.Length > 0 && args[0] == "floor")
{
    return await FloorServer.RunAsync(args[1..]);
}

var messages = Arg(0, 3000);
var concurrency = Arg(1, 8);
var largeMb = Arg(2, 200);
var rounds = Arg(3, 3);
const int smallSize = 10 * 1024;
const int chunkSize = 20 * 1024 * 1024;

var root = args.Length > 4 ? args[4] : null;
await using var env = await BenchEnvironment.StartAsync(root);
Console.WriteLine($"MESH benchmark: {messages} x {smallSize / 1024} KB messages, concurrency {concurrency}, {largeMb} MB large message, "
    + $"{rounds} rounds, data under {root ?? Path.GetTempPath()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

// Warm-up: JIT, connection pools, file system.
await SmallMessageBenchmark.MeshAsync(env, 200, concurrency, smallSize);
await SmallMessageBenchmark.RawAsync(env, 200, concurrency, smallSize);

var mesh = new List<double>();
var raw = new List<double>();
for (var round = 0; round < rounds; round++)
{
    mesh.Add(await SmallMessageBenchmark.MeshAsync(env, messages, concurrency, smallSize));
    raw.Add(await SmallMessageBenchmark.RawAsync(env, messages, concurrency, smallSize));
    Console.WriteLine($"  round {round + 1}: MESH {mesh[^1]:F0} msg/s, raw {raw[^1]:F0} msg/s");
}

var clientMesh = new List<double>();
var clientRaw = new List<double>();
await ClientOverheadBenchmark.RunAsync(200, concurrency, smallSize);
for (var round = 0; round < rounds; round++)
{
    var (m, r) = await ClientOverheadBenchmark.RunAsync(messages, concurrency, smallSize);
    clientMesh.Add(m);
    clientRaw.Add(r);
    Console.WriteLine($"  round {round + 1}: client only (stub server) MESH {m:F0} msg/s, raw {r:F0} msg/s");
}

var large = new List<(LargeMessageBenchmark.Result Mesh, LargeMessageBenchmark.Result Raw)>();
for (var round = 0; round < rounds; round++)
{
    var m = await LargeMessageBenchmark.MeshAsync(env, largeMb * 1024L * 1024, chunkSize);
    var r = await LargeMessageBenchmark.RawAsync(env, largeMb * 1024L * 1024);
    large.Add((m, r));
    Console.WriteLine($"  round {round + 1}: MESH {m}, raw {r}");
}

Console.WriteLine();
Console.WriteLine("| Flow | Ours (median) | Raw HttpClient baseline (median) | Ratio |");
Console.WriteLine("|---|---|---|---|");
Row($"10 KB send + list + download + ack, msg/s", Median(mesh), Median(raw), "F0");
Row($"10 KB cycle against a stub server (client cost only), msg/s", Median(clientMesh), Median(clientRaw), "F0");
Row($"{largeMb} MB send, MB/s", Median(large.Select(l => l.Mesh.SendMBps)), Median(large.Select(l => l.Raw.SendMBps)), "F0");
Row($"{largeMb} MB download, MB/s", Median(large.Select(l => l.Mesh.ReceiveMBps)), Median(large.Select(l => l.Raw.ReceiveMBps)), "F0");
Row($"{largeMb} MB peak working set above baseline, MB (max)", large.Max(l => l.Mesh.PeakWorkingSetMB), large.Max(l => l.Raw.PeakWorkingSetMB), "F1");
Row($"{largeMb} MB peak GC heap above baseline, MB (max)", large.Max(l => l.Mesh.PeakHeapMB), large.Max(l => l.Raw.PeakHeapMB), "F1");
return 0;

int Arg(int index, int fallback) =>
    args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static void Row(string name, double ours, double baseline, string format) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {ours.ToString(format, CultureInfo.InvariantCulture)} | {baseline.ToString(format, CultureInfo.InvariantCulture)} | {ours / baseline:F2} |"));
