using System.Diagnostics;

namespace Itk3.Benchmarks;

/// <summary>Timing in short blocks, for the tools that alternate methods round by round.</summary>
internal static class BlockTiming
{
    private const double BlockMicroseconds = 2_000;

    /// <summary>Reads a tool's <c>[seconds per input] [input ...]</c>: 20 s and every benchmark input when not given.</summary>
    public static (double Seconds, string[] Inputs) SecondsAndInputs(string[] args) =>
        (args.Length > 0 && double.TryParse(args[0], out var given) ? given : 20, args.Length > 1 ? args[1..] : BenchmarkInputs.Names.ToArray());

    /// <summary>Prints a title, then the header of a Markdown table whose first <paramref name="textColumns"/> columns hold text and the rest numbers.</summary>
    public static void WriteTableStart(string title, int textColumns, params string[] columns)
    {
        Console.WriteLine(title);
        Console.WriteLine();
        Console.WriteLine($"| {string.Join(" | ", columns)} |");
        Console.WriteLine($"|{string.Join("|", columns.Select((_, i) => i < textColumns ? "---" : "---:"))}|");
    }

    /// <summary>Enough calls for a block of about 2 ms, after a warm-up of at least a second and 50 calls.</summary>
    public static int BlockSize(Func<object?> run)
    {
        var warmUp = Stopwatch.StartNew();
        var calls = 0;
        while (warmUp.Elapsed.TotalSeconds < 1 || calls < 50)
        {
            run();
            calls++;
        }

        return (int)Math.Clamp(BlockMicroseconds / TimeBlock(run, 10), 1, 1000);
    }

    /// <summary>The mean time of one call, in microseconds, over a block of <paramref name="calls"/>.</summary>
    public static double TimeBlock(Func<object?> run, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            run();
        }

        return clock.Elapsed.TotalMicroseconds / calls;
    }

    /// <summary>The value at <paramref name="quantile"/> (0 to 1) of <paramref name="values"/>.</summary>
    public static double Quantile(IEnumerable<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, quantile * sorted.Count)];
    }
}
