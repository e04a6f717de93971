using System.Net;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>Per-recipient and per-workflow send profiles, seen on the wire between our client and our server.</summary>
public sealed class SendProfileContractTests : IAsyncLifetime
{
    private readonly List<(string Path, string? Encoding, string? Range)> _posts = [];
    private MeshEnvironment _mesh = null!;

    public async Task InitializeAsync() => _mesh = await MeshEnvironment.StartAsync();

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private MeshClient SenderWith(params MeshSendProfile[] profiles)
    {
        var recorder = new FaultInjectingHandler((request, _) =>
        {
            lock (_posts)
            {
                _posts.Add((request.RequestUri!.AbsolutePath, request.Content?.Headers.ContentEncoding.FirstOrDefault(),
                    request.Headers.TryGetValues("mex-Chunk-Range", out var range) ? range.Single() : null));
            }

            return InjectedFault.None;
        });
        return new MeshClient(_mesh.Options(Sender, chunkSize: 1000) with { SendProfiles = profiles }, recorder);
    }

    [Fact]
    public async Task A_recipient_profile_compresses_and_chunks_with_its_own_size()
    {
        using var sender = SenderWith(new MeshSendProfile { Recipient = Receiver.ToLowerInvariant(), Compress = true, ChunkSize = 600 });
        var payload = Bytes.Pattern(1500, seed: 21);

        var sent = await sender.SendAsync(new MeshSendRequest(Receiver, Workflow), new MemoryStream(payload));

        Assert.Equal(3, sent.ChunkCount);
        Assert.All(_posts, p => Assert.Equal("gzip", p.Encoding));
        Assert.Equal(payload, await Bytes.DownloadAllAsync(_mesh.Client(Receiver), sent.MessageId));
    }

    [Fact]
    public async Task The_most_specific_profile_wins_and_an_unchunked_recipient_gets_one_request()
    {
        using var sender = SenderWith(
            new MeshSendProfile { Recipient = Receiver, Compress = true, ChunkSize = 600 },
            new MeshSendProfile { Recipient = Receiver, WorkflowId = Workflow, Chunk = false, Compress = false },
            new MeshSendProfile { WorkflowId = Workflow, ChunkSize = 100 });
        var payload = Bytes.Pattern(5000, seed: 22);

        var sent = await sender.SendAsync(new MeshSendRequest(Receiver, Workflow), new MemoryStream(payload));

        Assert.Equal(1, sent.ChunkCount);
        Assert.Equal([($"/messageexchange/{Sender}/outbox", (string?)null, "1:1")], _posts);
        Assert.Equal(payload, await Bytes.DownloadAllAsync(_mesh.Client(Receiver), sent.MessageId));
    }

    [Fact]
    public async Task The_request_overrides_its_profile()
    {
        using var sender = SenderWith(new MeshSendProfile { Recipient = Receiver, Compress = false, Chunk = false });

        var sent = await sender.SendAsync(new MeshSendRequest(Receiver, Workflow) { Compress = true, Chunk = true }, new MemoryStream(Bytes.Pattern(2500)));

        Assert.Equal(3, sent.ChunkCount);
        Assert.All(_posts, p => Assert.Equal("gzip", p.Encoding));
    }

    [Fact]
    public async Task A_message_too_large_for_one_request_to_an_unchunked_recipient_is_refused_before_anything_is_sent()
    {
        using var sender = SenderWith(new MeshSendProfile { Recipient = Receiver, Chunk = false });
        await using var content = new PatternStream(MeshClientOptions.MaxSingleRequestBytes + 1);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => sender.SendAsync(new MeshSendRequest(Receiver, Workflow), content));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, MeshClientErrorCodes.TooLargeUnchunked), (error.StatusCode, error.ErrorCode));
        Assert.Empty(_posts);
    }
}
