using System.Diagnostics;
using System.Net.Http.Json;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Benchmarks;

/// <summary>
/// Messages per second when a client works one message at a time (the common case): send, list the inbox, download,
/// acknowledge, then the next message. Ours beside the same four requests with a raw HttpClient against the raw server.
/// </summary>
internal static class SequentialBenchmark
{
    public static async Task<double> MeshAsync(BenchEnvironment env, int count, int size)
    {
        using var sender = env.Client(BenchEnvironment.Sender);
        using var receiver = env.Client(BenchEnvironment.Receiver);
        var payload = Payload(size);
        var request = new MeshSendRequest(BenchEnvironment.Receiver, BenchEnvironment.Workflow) { ContentType = "application/fhir+json" };
        var buffer = new byte[16 * 1024];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var sent = await sender.SendAsync(request, new MemoryStream(payload, writable: false));
            var page = await receiver.ListInboxAsync();
            var id = page.MessageIds.Single();
            await using (var download = await receiver.DownloadAsync(id))
            {
                Check(sent.MessageId == id && await DrainAsync(download.Content, buffer) == size, i);
            }

            await receiver.AcknowledgeAsync(id);
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    public static async Task<double> RawAsync(BenchEnvironment env, int count, int size)
    {
        using var http = env.RawClient();
        var payload = Payload(size);
        var buffer = new byte[16 * 1024];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using (var post = await http.PostAsync("raw/outbox", new ByteArrayContent(payload)))
            {
                post.EnsureSuccessStatusCode();
            }

            var id = (await http.GetFromJsonAsync<string[]>("raw/inbox") ?? []).Single();
            using (var response = await http.GetAsync($"raw/inbox/{id}", HttpCompletionOption.ResponseHeadersRead))
            {
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                Check(await DrainAsync(body, buffer) == size, i);
            }

            using var ack = await http.PutAsync($"raw/inbox/{id}/ack", null);
            ack.EnsureSuccessStatusCode();
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static byte[] Payload(int size)
    {
        var bytes = new byte[size];
        PatternStream.Fill(bytes, 0, 7);
        return bytes;
    }

    private static async Task<long> DrainAsync(Stream stream, byte[] buffer)
    {
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static void Check(bool ok, int index)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Sequential message {index} did not round-trip.");
        }
    }
}
