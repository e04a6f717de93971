using System.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Mesh;
using Itk3.Mesh.Models;
using Itk3.Mesh.Server.Configuration;

namespace Itk3.Gateway.LoadTest;

/// <summary>The same MESH server moving N messages of a transaction's payload size from one mailbox to another: send, list, download, acknowledge.</summary>
internal static class MeshBaseline
{
    public sealed record Result(double MessagesPerSecond, TimeSpan Elapsed, int Bytes);

    public static async Task<Result> RunAsync(string folder, LoadSettings settings)
    {
        await using var mesh = await EmbeddedMesh.StartAsync([("X26SEND1", "AAA01"), ("X26RECV1", "BBB01")], folder);
        using var sender = Open(mesh.BaseAddress, "X26SEND1");
        using var receiver = Open(mesh.BaseAddress, "X26RECV1");
        var bytes = SampleDocuments.DischargeSummary("00000000-0000-4000-8000-000000000000", DateTimeOffset.UnixEpoch);
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Transactions), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            using var content = new MemoryStream(bytes);
            await sender.SendAsync(new MeshSendRequest("X26RECV1", "TOC_FHIR_IP_DISCH"), content, ct);
        });
        var received = 0;
        while (received < settings.Transactions)
        {
            var page = await receiver.ListInboxAsync(new InboxQuery(500));
            await Parallel.ForEachAsync(page.MessageIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            {
                await using (var download = await receiver.DownloadAsync(id, ct))
                {
                    await download.Content.CopyToAsync(Stream.Null, ct);
                }

                await receiver.AcknowledgeAsync(id, ct);
            });
            received += page.MessageIds.Count;
        }

        stopwatch.Stop();
        return new Result(settings.Transactions / stopwatch.Elapsed.TotalSeconds, stopwatch.Elapsed, bytes.Length);
    }

    private static MeshClient Open(Uri mesh, string mailbox) => new(new MeshClientOptions
    {
        BaseUrl = mesh,
        MailboxId = mailbox,
        Password = MeshSandboxDefaults.Password,
        SharedKey = MeshSandboxDefaults.SharedKey,
    });
}
