using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;
using Fault = Itk3.Mesh.Contract.Tests.Support.InjectedFault;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>The retry rules against the real server: chunks 2..N are retried, the first POST never is.</summary>
public sealed class RetryContractTests : IAsyncLifetime
{
    private MeshEnvironment _mesh = null!;

    public async Task InitializeAsync() => _mesh = await MeshEnvironment.StartAsync();

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private static bool IsChunk(HttpRequestMessage r, int n) => r.RequestUri!.AbsolutePath.EndsWith($"/{n}", StringComparison.Ordinal);

    [Fact]
    public async Task A_chunk_refused_with_503_is_sent_again_and_the_message_arrives_whole()
    {
        var failedOnce = 0;
        var faults = new FaultInjectingHandler((r, _) =>
            r.Method == HttpMethod.Post && IsChunk(r, 2) && Interlocked.Exchange(ref failedOnce, 1) == 0 ? Fault.ServiceUnavailable : Fault.None);
        using var sender = new MeshClient(_mesh.Options(Sender, chunkSize: 1000), faults);
        var payload = Bytes.Pattern(2500);

        var sent = await sender.SendAsync(new MeshSendRequest(Receiver, Workflow), new MemoryStream(payload));

        Assert.Equal(2, faults.Seen.Count(s => s.EndsWith("/2", StringComparison.Ordinal)));
        Assert.Equal(payload, await Bytes.DownloadAllAsync(_mesh.Client(Receiver), sent.MessageId));
    }

    [Fact]
    public async Task A_lost_chunk_response_is_retried_and_the_server_keeps_one_copy()
    {
        var lostOnce = 0;
        var faults = new FaultInjectingHandler((r, _) =>
            r.Method == HttpMethod.Post && IsChunk(r, 2) && Interlocked.Exchange(ref lostOnce, 1) == 0 ? Fault.LoseResponse : Fault.None);
        using var sender = new MeshClient(_mesh.Options(Sender, chunkSize: 1000), faults);
        var payload = Bytes.Pattern(2500);

        var sent = await sender.SendAsync(new MeshSendRequest(Receiver, Workflow), new MemoryStream(payload));

        Assert.Equal([sent.MessageId], (await _mesh.Client(Receiver).ListInboxAsync()).MessageIds);
        Assert.Equal(payload, await Bytes.DownloadAllAsync(_mesh.Client(Receiver), sent.MessageId));
    }

    [Fact]
    public async Task A_lost_response_to_the_first_post_is_not_retried_and_the_local_id_reconciles_it()
    {
        var faults = new FaultInjectingHandler((r, n) => n == 1 ? Fault.LoseResponse : Fault.None);
        using var sender = new MeshClient(_mesh.Options(Sender), faults);

        await Assert.ThrowsAsync<HttpRequestException>(
            () => sender.SendAsync(new MeshSendRequest(Receiver, Workflow) { LocalId = "once" }, Bytes.Stream("{}")));

        Assert.Single(faults.Seen);
        var delivered = Assert.Single((await _mesh.Client(Receiver).ListInboxAsync()).MessageIds);
        Assert.Equal("once", (await _mesh.Client(Receiver).GetMetadataAsync(delivered)).LocalId);
        var reconciled = await _mesh.Client(Sender).TrackByLocalIdAsync("once");
        Assert.Equal((delivered, "accepted"), (reconciled.MessageId, reconciled.Status));
    }

    [Fact]
    public async Task Tracking_by_a_local_id_used_twice_is_300_and_an_unknown_one_is_404()
    {
        var sender = _mesh.Client(Sender);
        await sender.SendAsync(new MeshSendRequest(Receiver, Workflow) { LocalId = "twice" }, Bytes.Stream("{}"));
        await sender.SendAsync(new MeshSendRequest(Receiver, Workflow) { LocalId = "twice" }, Bytes.Stream("{}"));

        var several = await Assert.ThrowsAsync<Errors.MeshApiException>(() => sender.TrackByLocalIdAsync("twice"));
        var none = await Assert.ThrowsAsync<Errors.MeshApiException>(() => sender.TrackByLocalIdAsync("never"));

        Assert.Equal((System.Net.HttpStatusCode.MultipleChoices, System.Net.HttpStatusCode.NotFound), (several.StatusCode, none.StatusCode));
    }

    [Fact]
    public async Task Idempotent_calls_recover_from_a_503()
    {
        var sent = await _mesh.Client(Sender).SendAsync(new MeshSendRequest(Receiver, Workflow), Bytes.Stream("{}"));
        var faults = new FaultInjectingHandler((_, n) => n % 2 == 1 ? Fault.ServiceUnavailable : Fault.None);
        using var receiver = new MeshClient(_mesh.Options(Receiver), faults);

        var page = await receiver.ListInboxAsync();
        var metadata = await receiver.GetMetadataAsync(sent.MessageId);
        await receiver.AcknowledgeAsync(sent.MessageId);

        Assert.Equal([sent.MessageId], page.MessageIds);
        Assert.Equal(sent.MessageId, metadata.MessageId);
        Assert.Equal(6, faults.Seen.Count);
        Assert.Equal("acknowledged", (await _mesh.Client(Sender).TrackAsync(sent.MessageId)).Status);
    }
}
