using System.Diagnostics;
using System.Net.Http.Json;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;
using Itk3.Mesh.Retry;

namespace Itk3.Mesh.Benchmarks;

/// <summary>The small-message cycle against <see cref="StubMeshServer"/>: our client beside a bare HttpClient.</summary>
internal static class ClientOverheadBenchmark
{
    public static async Task<(double Mesh, double Raw)> RunAsync(int count, int concurrency, int size)
    {
        var payload = new byte[size];
        PatternStream.Fill(payload, 0, 7);
        await using var stub = await StubMeshServer.StartAsync(payload, count);
        using var client = new MeshClient(new MeshClientOptions
        {
            BaseUrl = stub.BaseAddress, MailboxId = "BENCH01", Password = "p", SharedKey = "k", AcceptGzip = false,
            Retry = MeshRetryPolicy.None,
        });
        using var http = new HttpClient { BaseAddress = stub.BaseAddress };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        var request = new MeshSendRequest("BENCH02", "BENCH_WORKFLOW");

        var mesh = await TimeAsync(count, async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (_, ct) => await client.SendAsync(request, new MemoryStream(payload, false), ct));
            var page = await client.ListInboxAsync();
            await Parallel.ForEachAsync(page.MessageIds, parallel, async (id, ct) =>
            {
                await using (var download = await client.DownloadAsync(id, ct))
                {
                    await download.Content.CopyToAsync(Stream.Null, ct);
                }

                await client.AcknowledgeAsync(id, ct);
            });
        });
        var raw = await TimeAsync(count, async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (_, ct) =>
                (await http.PostAsync("messageexchange/BENCH01/outbox", new ByteArrayContent(payload), ct)).Dispose());
            var page = await http.GetFromJsonAsync<InboxBody>("messageexchange/BENCH01/inbox");
            await Parallel.ForEachAsync(page!.messages, parallel, async (id, ct) =>
            {
                using (var response = await http.GetAsync($"messageexchange/BENCH01/inbox/{id}", HttpCompletionOption.ResponseHeadersRead, ct))
                {
                    await (await response.Content.ReadAsStreamAsync(ct)).CopyToAsync(Stream.Null, ct);
                }

                (await http.PutAsync($"messageexchange/BENCH01/inbox/{id}/status/acknowledged", null, ct)).Dispose();
            });
        });
        return (mesh, raw);
    }

    private static async Task<double> TimeAsync(int count, Func<Task> cycle)
    {
        var clock = Stopwatch.StartNew();
        await cycle();
        return count / clock.Elapsed.TotalSeconds;
    }

    // Named as the wire JSON names it.
    private sealed record InboxBody(string[] messages);
}
