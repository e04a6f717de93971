using System.Diagnostics;

namespace Itk3.Benchmarks;

/// <summary>
/// The FHIR benchmarks' parse and serialize as ratios to the raw scan of the same moment: short blocks of each method
/// of <see cref="FhirSerializationBenchmarks"/> run in turn for a fixed time, and every round gives one ratio per
/// method. A shared machine's speed changes from one second to the next (here: states in which the same parse takes
/// about 2x and about 3.5x the scan); BenchmarkDotNet measures each method in its own stretch of time, so its ratios
/// mix the states, while a round's blocks share one. The copy floor (the JSON input copied into the output buffer) is the
/// least any writer of that many bytes pays.
/// </summary>
public static class InterleavedRatios
{
    private static readonly (string Name, string Format, Func<FhirSerializationBenchmarks, object?> Run)[] Methods =
    [
        ("raw scan", "json", b => b.JsonRawScan()),
        ("parse", "json", b => b.JsonParse()),
        ("serialize", "json", b => b.JsonSerialize()),
        ("copy floor", "json", b => b.JsonCopyFloor()),
        ("raw scan", "xml", b => b.XmlRawScan()),
        ("parse", "xml", b => b.XmlParse()),
        ("serialize", "xml", b => b.XmlSerialize()),
    ];

    /// <summary>Runs <c>interleaved [seconds per input] [input ...]</c> and prints a table in Markdown.</summary>
    public static void Run(string[] args)
    {
        var (seconds, inputs) = BlockTiming.SecondsAndInputs(args);
        BlockTiming.WriteTableStart(
            $"Interleaved rounds, {seconds} s per input; ratio = method / raw scan of the same format in the same round.", 2,
            "Input", "Format", "Raw scan (median)", "Parse (median)", "Parse ratio: median (p10-p90)",
            "Serialize ratio: median (p10-p90)", "Copy floor ratio", "Rounds");
        foreach (var input in inputs)
        {
            Measure(input, seconds);
        }
    }

    private static void Measure(string input, double seconds)
    {
        var benchmarks = new FhirSerializationBenchmarks { Input = input };
        benchmarks.Setup();
        var blocks = Methods.Select(method => BlockTiming.BlockSize(() => method.Run(benchmarks))).ToArray();
        var times = Methods.Select(_ => new List<double>()).ToArray();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var m = 0; m < Methods.Length; m++)
            {
                var method = Methods[m];
                times[m].Add(BlockTiming.TimeBlock(() => method.Run(benchmarks), blocks[m]));
            }
        }

        foreach (var format in new[] { "json", "xml" })
        {
            var scan = Index(format, "raw scan");
            var parse = Ratios(times, Index(format, "parse"), scan);
            var serialize = Ratios(times, Index(format, "serialize"), scan);
            var copy = Index(format, "copy floor");
            var copyRatio = copy < 0 ? "" : $"{Median(Ratios(times, copy, scan)):F2}";
            Console.WriteLine($"| {input} | {format} | {Median(times[scan]):F0} us | {Median(times[Index(format, "parse")]):F0} us | " +
                $"{Median(parse):F2} ({BlockTiming.Quantile(parse, 0.1):F2}-{BlockTiming.Quantile(parse, 0.9):F2}) | " +
                $"{Median(serialize):F2} ({BlockTiming.Quantile(serialize, 0.1):F2}-{BlockTiming.Quantile(serialize, 0.9):F2}) | {copyRatio} | {times[scan].Count} |");
        }
    }

    private static int Index(string format, string name) => Array.FindIndex(Methods, method => method.Format == format && method.Name == name);

    private static List<double> Ratios(List<double>[] times, int method, int scan) =>
        times[method].Select((time, round) => time / times[scan][round]).ToList();

    private static double Median(List<double> values) => BlockTiming.Quantile(values, 0.5);
}
