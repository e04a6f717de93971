using System.Diagnostics;
using System.Net.Http.Json;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Benchmarks;

/// <summary>
/// Messages per second for the full cycle (send, list, download, acknowledge) of small messages, through our client
/// and server, beside the same cycle of the same bytes with a raw HttpClient against the raw server.
/// </summary>
internal static class SmallMessageBenchmark
{
    public static async Task<double> MeshAsync(BenchEnvironment env, int count, int concurrency, int size)
    {
        using var sender = env.Client(BenchEnvironment.Sender);
        using var receiver = env.Client(BenchEnvironment.Receiver);
        var payload = Payload(size);
        var request = new MeshSendRequest(BenchEnvironment.Receiver, BenchEnvironment.Workflow) { ContentType = "application/fhir+json" };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel,
            async (_, ct) => await sender.SendAsync(request, new MemoryStream(payload, writable: false), ct));
        var ids = new List<string>();
        await foreach (var id in receiver.EnumerateInboxAsync(new InboxQuery(MaxResults: InboxQuery.MaxPageSize)))
        {
            ids.Add(id);
        }

        long received = 0;
        await Parallel.ForEachAsync(ids, parallel, async (id, ct) =>
        {
            await using (var download = await receiver.DownloadAsync(id, ct))
            {
                Interlocked.Add(ref received, await DrainAsync(download.Content, ct));
            }

            await receiver.AcknowledgeAsync(id, ct);
        });
        clock.Stop();
        Check(ids.Count, received, count, size);
        return count / clock.Elapsed.TotalSeconds;
    }

    public static async Task<double> RawAsync(BenchEnvironment env, int count, int concurrency, int size)
    {
        using var http = env.RawClient();
        var payload = Payload(size);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (_, ct) =>
        {
            using var response = await http.PostAsync("raw/outbox", new ByteArrayContent(payload), ct);
            response.EnsureSuccessStatusCode();
        });
        var ids = await http.GetFromJsonAsync<string[]>("raw/inbox") ?? [];
        long received = 0;
        await Parallel.ForEachAsync(ids, parallel, async (id, ct) =>
        {
            using (var response = await http.GetAsync($"raw/inbox/{id}", HttpCompletionOption.ResponseHeadersRead, ct))
            {
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                Interlocked.Add(ref received, await DrainAsync(body, ct));
            }

            using var ack = await http.PutAsync($"raw/inbox/{id}/ack", null, ct);
            ack.EnsureSuccessStatusCode();
        });
        clock.Stop();
        Check(ids.Length, received, count, size);
        return count / clock.Elapsed.TotalSeconds;
    }

    private static byte[] Payload(int size)
    {
        var bytes = new byte[size];
        PatternStream.Fill(bytes, 0, 42);
        return bytes;
    }

    private static async Task<long> DrainAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static void Check(int listed, long received, int count, int size)
    {
        if (listed != count || received != (long)count * size)
        {
            throw new InvalidOperationException($"Expected {count} messages of {size} bytes, got {listed} listed and {received} bytes.");
        }
    }
}
