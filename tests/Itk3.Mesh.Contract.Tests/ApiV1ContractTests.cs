using System.Net;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>The client speaking MESH API v1 (<c>Accept: application/json</c>) to our server, which answers with v1 shapes.</summary>
public sealed class ApiV1ContractTests : IAsyncLifetime
{
    private MeshEnvironment _mesh = null!;

    public async Task InitializeAsync() => _mesh = await MeshEnvironment.StartAsync();

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private (MeshClient Client, List<string> Accepts) V1Client(string mailbox, int chunkSize = MeshClientOptions.DefaultChunkSize)
    {
        var accepts = new List<string>();
        var recorder = new FaultInjectingHandler((request, _) =>
        {
            lock (accepts)
            {
                accepts.Add(string.Join(",", request.Headers.GetValues("Accept")));
            }

            return InjectedFault.None;
        });
        return (new MeshClient(_mesh.Options(mailbox, chunkSize) with { ApiVersion = 1 }, recorder), accepts);
    }

    [Fact]
    public async Task A_v1_client_sends_chunked_lists_downloads_acknowledges_and_tracks_with_v1_answers()
    {
        var (sender, sent) = V1Client(Sender, chunkSize: 1000);
        var (receiver, received) = V1Client(Receiver);
        using (sender)
        using (receiver)
        {
            var payload = Bytes.Pattern(2500, seed: 11);
            await sender.HandshakeAsync();
            var result = await sender.SendAsync(new MeshSendRequest(Receiver, Workflow) { Compress = true, LocalId = "v1" }, new MemoryStream(payload));
            var page = await receiver.ListInboxAsync();
            var body = await Bytes.DownloadAllAsync(receiver, result.MessageId);
            await receiver.AcknowledgeAsync(result.MessageId);
            var tracking = await sender.TrackAsync(result.MessageId);

            Assert.Equal([result.MessageId], page.MessageIds);
            Assert.Null(page.NextLink);
            Assert.Equal(payload, body);
            Assert.Equal(("acknowledged", "v1"), (tracking.Status, tracking.LocalId));
            Assert.All(sent.Concat(received), accept => Assert.Equal("application/json", accept));
        }
    }

    [Fact]
    public async Task A_v1_client_reads_the_v1_error_shape()
    {
        var (sender, _) = V1Client(Sender);
        using (sender)
        {
            var error = await Assert.ThrowsAsync<MeshApiException>(() =>
                sender.SendAsync(new MeshSendRequest("X26NOSUCH9", Workflow), Bytes.Stream("{}")));

            Assert.Equal((HttpStatusCode.ExpectationFailed, "12", "SEND"), (error.StatusCode, error.ErrorCode, error.ErrorEvent));
        }
    }
}
