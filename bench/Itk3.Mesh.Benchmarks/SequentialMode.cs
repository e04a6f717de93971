using System.Globalization;

namespace Itk3.Mesh.Benchmarks;

/// <summary>The <c>seq</c> mode: sequential 10 KiB cycles, ours and the raw baseline alternating round by round.</summary>
internal static class SequentialMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var root = args.Length > 2 ? args[2] : null;
        const int size = 10 * 1024;
        await using var env = await BenchEnvironment.StartAsync(root);
        Console.WriteLine($"Sequential MESH benchmark: {messages} x 10 KiB one at a time, {rounds} rounds, data under {root ?? Path.GetTempPath()}, "
            + $"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        await SequentialBenchmark.MeshAsync(env, 50, size);
        await SequentialBenchmark.RawAsync(env, 50, size);
        var mesh = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            mesh.Add(await SequentialBenchmark.MeshAsync(env, messages, size));
            raw.Add(await SequentialBenchmark.RawAsync(env, messages, size));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: MESH {mesh[^1]:F0} msg/s, raw {raw[^1]:F0} msg/s"));
        }

        var m = mesh.Order().ElementAt(rounds / 2);
        var r = raw.Order().ElementAt(rounds / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| 10 KiB sequential send + list + download + ack, msg/s | {m:F0} | {r:F0} | {m / r:F2} |"));
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}
