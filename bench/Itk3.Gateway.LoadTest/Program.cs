using System.Diagnostics;
using System.Globalization;
using Itk3.Gateway.LoadTest;

var settings = LoadSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine("usage: Itk3.Gateway.LoadTest [--transactions N] [--concurrency C] [--data DIR]");
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
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var result = await GatewayRun.RunAsync(Path.Combine(root, "gateway"), settings);
    var gatewayCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"Gateway: {result.Completed}/{settings.Transactions} transactions complete in {result.Elapsed.TotalSeconds:0.0} s = {result.TransactionsPerSecond:0} transactions/s");
    Console.WriteLine($"Completion latency (submit -> business response received): p50 {result.P50.TotalMilliseconds:0} ms, p99 {result.P99.TotalMilliseconds:0} ms");
    Console.WriteLine($"MESH messages per transaction: 4 (payload, 20013, 30001, closing 20013) => {result.TransactionsPerSecond * 4:0} MESH messages/s vs baseline {baseline.MessagesPerSecond:0}");
    Console.WriteLine($"CPU per transaction (both nodes + MESH server, whole process): {gatewayCpu.TotalMilliseconds / settings.Transactions:0.00} ms; CPU per raw MESH message: {baselineCpu.TotalMilliseconds / settings.Transactions:0.00} ms");
    Console.WriteLine($"Load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    return result.Completed == settings.Transactions ? 0 : 1;
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
