using System.Diagnostics;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Benchmarks;

/// <summary>One large message sent and downloaded: throughput and peak memory above the baseline taken just before.</summary>
internal static class LargeMessageBenchmark
{
    private const ulong Seed = 0xB16B00B5;

    public sealed record Result(double SendMBps, double ReceiveMBps, double PeakWorkingSetMB, double PeakHeapMB);

    public static async Task<Result> MeshAsync(BenchEnvironment env, long size, int chunkSize)
    {
        using var sender = env.Client(BenchEnvironment.Sender, chunkSize);
        using var receiver = env.Client(BenchEnvironment.Receiver);
        await sender.HandshakeAsync();
        await receiver.HandshakeAsync();
        var memory = MemorySampler.Start();
        var clock = Stopwatch.StartNew();
        var sent = await sender.SendAsync(new MeshSendRequest(BenchEnvironment.Receiver, BenchEnvironment.Workflow), new PatternStream(size, Seed));
        var sendTime = clock.Elapsed;
        (long Length, long FirstMismatch) check;
        await using (var download = await receiver.DownloadAsync(sent.MessageId))
        {
            check = await PatternVerifier.VerifyAsync(download.Content, Seed);
        }

        var receiveTime = clock.Elapsed - sendTime;
        await memory.DisposeAsync();
        await receiver.AcknowledgeAsync(sent.MessageId);
        return Finish(size, check, sendTime, receiveTime, memory);
    }

    public static async Task<Result> RawAsync(BenchEnvironment env, long size)
    {
        using var http = env.RawClient();
        var memory = MemorySampler.Start();
        var clock = Stopwatch.StartNew();
        string id;
        using (var post = await http.PostAsync("raw/outbox", new StreamContent(new PatternStream(size, Seed), 81920)))
        {
            post.EnsureSuccessStatusCode();
            id = await post.Content.ReadAsStringAsync();
        }

        var sendTime = clock.Elapsed;
        (long Length, long FirstMismatch) check;
        using (var get = await http.GetAsync($"raw/inbox/{id}", HttpCompletionOption.ResponseHeadersRead))
        {
            get.EnsureSuccessStatusCode();
            await using var body = await get.Content.ReadAsStreamAsync();
            check = await PatternVerifier.VerifyAsync(body, Seed);
        }

        var receiveTime = clock.Elapsed - sendTime;
        await memory.DisposeAsync();
        (await http.PutAsync($"raw/inbox/{id}/ack", null)).Dispose();
        return Finish(size, check, sendTime, receiveTime, memory);
    }

    private static Result Finish(long size, (long Length, long FirstMismatch) check, TimeSpan send, TimeSpan receive, MemorySampler memory)
    {
        if (check != (size, -1))
        {
            throw new InvalidOperationException($"Download differs: {check.Length} bytes, first mismatch at {check.FirstMismatch}.");
        }

        const double mb = 1024 * 1024;
        return new Result(size / mb / send.TotalSeconds, size / mb / receive.TotalSeconds,
            memory.PeakWorkingSetAboveBaseline / mb, memory.PeakHeapAboveBaseline / mb);
    }
}
