using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Itk3.Benchmarks;

/// <summary>
/// Two builds of the JSON (or, with <c>--xml</c>, the XML) parse in one process: each folder's <c>Itk3.Fhir.Serialization.dll</c> (with the
/// <c>Itk3</c> assemblies beside it) is loaded into a load context of its own, and blocks of raw scans, parses by the
/// first build and parses by the second alternate (the builds swapping places every round), so that every round
/// compares them in the same state of the machine.
/// Make the folders with <c>dotnet build src/Itk3.Fhir.Serialization -c Release -o &lt;folder&gt;</c> on each commit.
/// </summary>
public static class BuildComparison
{
    /// <summary>Runs <c>compare [--xml] &lt;before folder&gt; &lt;after folder&gt; [seconds per input] [input ...]</c>.</summary>
    public static void Run(string[] args)
    {
        var xml = args.Length > 0 && args[0] == "--xml";
        args = xml ? args[1..] : args;
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: compare [--xml] <before folder> <after folder> [seconds per input] [input ...]");
            return;
        }

        var format = xml ? "Xml" : "Json";
        var parsers = args[..2].Select(folder => LoadParse(folder, format)).ToArray();
        var (seconds, inputs) = BlockTiming.SecondsAndInputs(args[2..]);
        BlockTiming.WriteTableStart(
            $"{format.ToUpperInvariant()} parse ÷ raw scan of the same round, {seconds} s per input: before = {args[0]}, after = {args[1]}", 1,
            "Input", "Raw scan (median)", "Before: median (p10)", "After: median (p10)",
            "After ÷ before: median of rounds (of fastest blocks)", "Allocated per parse: before / after", "Rounds");
        foreach (var input in inputs)
        {
            var (xmlBytes, jsonBytes) = BenchmarkInputs.Load(input);
            Measure(input, xml ? xmlBytes : jsonBytes, xml, parsers, seconds);
        }
    }

    private static void Measure(string input, byte[] content, bool xml, Func<byte[], object?>[] parsers, double seconds)
    {
        var scan = new FhirSerializationBenchmarks();
        scan.UseInput(content, xml);
        var runs = new Func<object?>[] { () => xml ? scan.XmlRawScan() : scan.JsonRawScan(), () => parsers[0](content), () => parsers[1](content) };
        var blocks = runs.Select(BlockTiming.BlockSize).ToArray();
        var times = runs.Select(_ => new List<double>()).ToArray();
        // The two builds swap places every round: whichever runs second after the scan was seen to gain up to 5%.
        int[][] orders = [[0, 1, 2], [0, 2, 1]];
        var clock = Stopwatch.StartNew();
        for (var round = 0; clock.Elapsed.TotalSeconds < seconds; round++)
        {
            foreach (var r in orders[round % 2])
            {
                times[r].Add(BlockTiming.TimeBlock(runs[r], blocks[r]));
            }
        }

        var before = times[1].Select((time, round) => time / times[0][round]).ToList();
        var after = times[2].Select((time, round) => time / times[0][round]).ToList();
        var change = times[2].Select((time, round) => time / times[1][round]).ToList();
        Console.WriteLine($"| {input} | {BlockTiming.Quantile(times[0], 0.5):F0} us | {BlockTiming.Quantile(before, 0.5):F2} ({BlockTiming.Quantile(before, 0.1):F2}) | " +
            $"{BlockTiming.Quantile(after, 0.5):F2} ({BlockTiming.Quantile(after, 0.1):F2}) | {BlockTiming.Quantile(change, 0.5):F3} ({times[2].Min() / times[1].Min():F3}) | " +
            $"{Allocated(parsers[0], content):N0} B / {Allocated(parsers[1], content):N0} B | {times[0].Count} |");
    }

    /// <summary>The parse of the build in <paramref name="folder"/> (<paramref name="formatName"/> Json or Xml), called through reflection; it returns the tree's root.</summary>
    private static Func<byte[], object?> LoadParse(string folder, string formatName)
    {
        var context = new FolderLoadContext(Path.GetFullPath(folder));
        var assembly = context.LoadFromAssemblyPath(Path.Combine(context.Folder, "Itk3.Fhir.Serialization.dll"));
        var format = assembly.GetType("Itk3.Fhir.Serialization.FhirFormat", throwOnError: true)!;
        var options = assembly.GetType("Itk3.Fhir.Serialization.ParseOptions", throwOnError: true)!;
        var parse = assembly.GetType("Itk3.Fhir.Serialization.FhirSerializer", throwOnError: true)!
            .GetMethod("Parse", [typeof(ReadOnlyMemory<byte>), format, options])!;
        var root = parse.ReturnType.GetProperty("Root")!;
        var formatValue = Enum.Parse(format, formatName);
        return bytes => root.GetValue(parse.Invoke(null, [new ReadOnlyMemory<byte>(bytes), formatValue, null]));
    }

    /// <summary>The bytes one parse allocates on this thread (after the blocks, so every cache is warm).</summary>
    private static long Allocated(Func<byte[], object?> parse, byte[] content)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(parse(content));
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Loads the <c>Itk3</c> assemblies from one folder, and everything else from the default context.</summary>
    private sealed class FolderLoadContext(string folder) : AssemblyLoadContext(isCollectible: false)
    {
        public string Folder { get; } = folder;

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(Folder, name.Name + ".dll");
            return name.Name!.StartsWith("Itk3", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
