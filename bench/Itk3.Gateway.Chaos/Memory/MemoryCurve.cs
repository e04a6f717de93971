using System.Globalization;

namespace Itk3.Gateway.Chaos.Memory;

/// <summary>One round of the memory benchmark: how many messages, the node's peak resident set, how long it took, and whether all of them went through.</summary>
internal sealed record MemoryRound(int Messages, long Peak, TimeSpan Elapsed, bool Complete);

/// <summary>The message counts of the memory benchmark's rounds, and the printed curve of peaks against the 1-message baseline.</summary>
internal static class MemoryCurve
{
    /// <summary>Parses <c>--messages</c> (<c>16</c> or <c>1,4,16,32</c>) into ascending distinct counts that start with the
    /// 1-message baseline; null (with <paramref name="error"/>) when a part is not a whole number from 1 to 1000.</summary>
    public static IReadOnlyList<int>? Parse(string text, out string? error)
    {
        var counts = new SortedSet<int> { 1 };
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1000)
            {
                error = $"--messages: '{part}' is not a whole number from 1 to 1000 (expected e.g. 16 or 1,4,16,32)";
                return null;
            }

            counts.Add(count);
        }

        error = null;
        return [.. counts];
    }

    /// <summary>Prints one line per round: messages, peak, ratio to the 1-message round, time; then whether the peak is flat in N.</summary>
    public static void Print(TextWriter output, string node, long size, IReadOnlyList<MemoryRound> rounds)
    {
        var baseline = Math.Max(1, rounds[0].Peak);
        output.WriteLine($"{node} node peak RSS (VmHWM), {size / 1048576.0:0.0} MB payloads:");
        foreach (var round in rounds)
        {
            var ratio = round.Messages == 1 ? "baseline" : $"ratio {(double)round.Peak / baseline:0.00}";
            output.WriteLine($"  {round.Messages,4} x: {PeakMemoryRun.Mb(round.Peak),5} MB  {ratio,-11} in {round.Elapsed.TotalSeconds:0} s" +
                             (round.Complete ? string.Empty : "  (INCOMPLETE)"));
        }

        var largest = rounds[^1];
        var runnerUp = rounds.Count > 2 ? rounds[^2] : null;
        var growth = runnerUp is null ? string.Empty : $"; {largest.Messages} x over {runnerUp.Messages} x: {(double)largest.Peak / Math.Max(1, runnerUp.Peak):0.00}";
        output.WriteLine($"  {node}: largest round {(double)largest.Peak / baseline:0.00} x the 1-message peak{growth}");
    }
}
