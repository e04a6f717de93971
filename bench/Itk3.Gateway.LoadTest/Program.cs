using System.Diagnostics;
using System.Globalization;
using Itk3.Gateway.LoadTest;

var settings = LoadSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(
        "usage: Itk3.Gateway.LoadTest [--transactions N] [--concurrency C] [--data DIR] [--store sqlite|postgres --instances 1,2,3 [--postgres CONN] [--profile-sql true]]\n"
        + "  --store postgres runs the SQLite baseline, then each instance count on PostgreSQL (CONN or ITK3_TEST_POSTGRES).");
    return 2;
}

var root = Directory.CreateDirectory(Path.Combine(settings.DataRoot, "itk3-load-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture))).FullName;
try
{
    Console.WriteLine($"Gateway load test: {settings.Transactions} transactions, {settings.Concurrency} submitters, data under {root}");
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var baseline = await MeshBaseline.RunAsync(Path.Combine(root, "baseline"), settings);
    var baselineCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"Raw MESH baseline: {baseline.MessagesPerSecond:0} messages/s send+receive ({settings.Transactions} messages, {baseline.Bytes} bytes each, {baseline.Elapsed.TotalSeconds:0.0} s)");
    var allCompleted = true;
    var table = new List<string> { "| store | tx/s | p50 ms | p99 ms | CPU ms/tx |", "|---|---:|---:|---:|---:|" };
    var run = 0;
    using var profile = settings.ProfileSql ? new SqlProfile() : null;
    foreach (var store in settings.Runs())
    {
        profile?.Reset();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await GatewayRun.RunAsync(Path.Combine(root, $"gateway-{run++}"), settings, store);
        var gatewayCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"Gateway ({store.Label}): {result.Completed}/{settings.Transactions} transactions complete in {result.Elapsed.TotalSeconds:0.0} s = {result.TransactionsPerSecond:0} transactions/s");
        Console.WriteLine($"Completion latency (submit -> business response received): p50 {result.P50.TotalMilliseconds:0} ms, p99 {result.P99.TotalMilliseconds:0} ms");
        Console.WriteLine($"MESH messages per transaction: 4 (payload, 20013, 30001, closing 20013) => {result.TransactionsPerSecond * 4:0} MESH messages/s vs baseline {baseline.MessagesPerSecond:0}");
        Console.WriteLine($"CPU per transaction (both nodes + MESH server, whole process): {gatewayCpu.TotalMilliseconds / settings.Transactions:0.00} ms; CPU per raw MESH message: {baselineCpu.TotalMilliseconds / settings.Transactions:0.00} ms");
        table.Add($"| {store.Label} | {result.TransactionsPerSecond:0} | {result.P50.TotalMilliseconds:0} | {result.P99.TotalMilliseconds:0} | {gatewayCpu.TotalMilliseconds / settings.Transactions:0.00} |");
        if (profile is not null && store.Provider != "sqlite")
        {
            Console.WriteLine(string.Join(Environment.NewLine, profile.Report(settings.Transactions)));
        }

        allCompleted &= result.Completed == settings.Transactions;
    }

    Console.WriteLine(string.Join(Environment.NewLine, table));
    Console.WriteLine($"Load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    return allCompleted ? 0 : 1;
}
finally
{
    try
    {
        Directory.Delete(root, recursive: true);
    }
    catch (IOException)
    {
    }
}
