using System.Diagnostics;
using System.Globalization;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Benchmarks;

/// <summary>
/// The <c>inbox</c> mode: listing a paged inbox (all pages of 100, each with its approx_inbox_count) while the store holds nothing else,
/// the baseline, and again once it also holds many other mailboxes' messages; a listing that scans the store slows down.
/// </summary>
internal static class InboxListingBenchmark
{
    private const int Size = 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var inbox = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
        var others = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
        var listings = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        var root = args.Length > 3 ? args[3] : null;
        await using var env = await BenchEnvironment.StartAsync(root);
        using var sender = env.Client(BenchEnvironment.Sender);
        using var receiver = env.Client(BenchEnvironment.Receiver);
        Console.WriteLine($"Inbox listing benchmark: {inbox}-message inbox in pages of 100, {others} other messages, {listings} listings, "
            + $"load average {File.ReadAllText("/proc/loadavg").Trim()}");

        await SendManyAsync(sender, BenchEnvironment.Receiver, inbox);
        await ListAsync(receiver, inbox, listings);
        var alone = await ListAsync(receiver, inbox, listings);
        var clock = Stopwatch.StartNew();
        await SendManyAsync(sender, BenchEnvironment.Bystander, others);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stored {others} other messages in {clock.Elapsed.TotalSeconds:F0} s"));
        var crowded = await ListAsync(receiver, inbox, listings);
        await env.Mesh.Admin.ResetMailboxAsync(BenchEnvironment.Bystander);
        var aloneAgain = await ListAsync(receiver, inbox, listings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  inbox alone {alone:F0} listings/s before the others were stored, {aloneAgain:F0} after they were deleted"));
        var baseline = Math.Max(alone, aloneAgain);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {inbox}-message inbox listed whole (pages of 100), listings/s | {crowded:F0} (with {others} other messages stored) | {baseline:F0} (inbox alone, better of two) | {crowded / baseline:F2} |"));
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>Sends <paramref name="count"/> small messages, 32 in flight so that they share fsyncs.</summary>
    private static async Task SendManyAsync(MeshClient sender, string to, int count)
    {
        var payload = new byte[Size];
        var request = new MeshSendRequest(to, BenchEnvironment.Workflow);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await sender.SendAsync(request, new MemoryStream(payload, writable: false));
            }
        }));
    }

    private static async Task<double> ListAsync(MeshClient receiver, int expected, int listings)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < listings; i++)
        {
            var page = await receiver.ListInboxAsync(new InboxQuery(MaxResults: 100));
            var seen = page.MessageIds.Count;
            while (page.NextLink is { } next)
            {
                page = await receiver.ListInboxNextAsync(next);
                seen += page.MessageIds.Count;
            }

            if (seen != expected || page.ApproxInboxCount != expected)
            {
                throw new InvalidOperationException($"Listing {i} saw {seen} messages (count {page.ApproxInboxCount}), not {expected}.");
            }
        }

        return listings / clock.Elapsed.TotalSeconds;
    }
}
