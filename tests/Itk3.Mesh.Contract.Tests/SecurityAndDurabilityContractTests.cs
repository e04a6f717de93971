using System.Net;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

public sealed class SecurityAndDurabilityContractTests : IAsyncLifetime
{
    private MeshEnvironment _mesh = null!;

    public async Task InitializeAsync() => _mesh = await MeshEnvironment.StartAsync();

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    [Fact]
    public async Task A_replayed_token_is_rejected_with_403()
    {
        var replaying = _mesh.Client(_mesh.Options(Sender) with { NonceSource = () => "same-nonce", Retry = Retry.MeshRetryPolicy.None });

        await replaying.HandshakeAsync();
        var error = await Assert.ThrowsAsync<MeshApiException>(() => replaying.HandshakeAsync());

        Assert.Equal((HttpStatusCode.Forbidden, string.Empty), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task Fresh_tokens_make_repeated_calls_succeed()
    {
        var client = _mesh.Client(Sender);

        for (var i = 0; i < 5; i++)
        {
            await client.HandshakeAsync();
        }
    }

    [Fact]
    public async Task A_token_stamped_outside_the_two_hour_window_is_rejected_with_403()
    {
        var late = new ManualTimeProvider(MeshEnvironment.Start - TimeSpan.FromHours(3));
        var client = _mesh.Client(_mesh.Options(Sender) with { TimeProvider = late });

        var error = await Assert.ThrowsAsync<MeshApiException>(() => client.HandshakeAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Messages_chunks_and_acknowledgements_survive_server_restarts()
    {
        var payload = Bytes.Pattern(30_000, seed: 9);
        var chunked = await _mesh.Client(Sender, chunkSize: 8_000)
            .SendAsync(new MeshSendRequest(Receiver, Workflow) { Compress = true, LocalId = "durable-1" }, new MemoryStream(payload));
        var small = await _mesh.Client(Sender).SendAsync(new MeshSendRequest(Receiver, Workflow), Bytes.Stream("{}"));

        await _mesh.RestartAsync();
        var receiver = _mesh.Client(Receiver);
        Assert.Equal([chunked.MessageId, small.MessageId], (await receiver.ListInboxAsync()).MessageIds);
        Assert.Equal(payload, await Bytes.DownloadAllAsync(receiver, chunked.MessageId));
        await receiver.AcknowledgeAsync(chunked.MessageId);

        await _mesh.RestartAsync();
        Assert.Equal([small.MessageId], (await _mesh.Client(Receiver).ListInboxAsync()).MessageIds);
        var tracking = await _mesh.Client(Sender).TrackAsync(chunked.MessageId);
        Assert.Equal(("acknowledged", "durable-1"), (tracking.Status, tracking.LocalId));
    }
}
