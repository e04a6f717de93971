using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>
/// The same client against the NHS reference sandbox, with its canned mailboxes (X26ABC1, X26ABC2, password
/// "password") and the docker image's shared key "TestKey"; skipped unless ITK3_MESH_SANDBOX_URL is set.
/// </summary>
public sealed class SandboxContractTests : IDisposable
{
    private readonly List<MeshClient> _clients = [];

    public void Dispose() => _clients.ForEach(c => c.Dispose());

    private MeshClient Client(string mailbox, int chunkSize = MeshClientOptions.DefaultChunkSize)
    {
        var client = new MeshClient(new MeshClientOptions
        {
            BaseUrl = new Uri(Environment.GetEnvironmentVariable(SandboxFactAttribute.Variable)!),
            MailboxId = mailbox,
            Password = "password",
            SharedKey = Environment.GetEnvironmentVariable("ITK3_MESH_SANDBOX_KEY") ?? "TestKey",
            ChunkSize = chunkSize,
        });
        _clients.Add(client);
        return client;
    }

    [SandboxFact]
    public async Task Handshake_and_lookup_work_against_the_sandbox()
    {
        await Client("X26ABC1").HandshakeAsync();

        var lookup = await Client("X26ABC1").LookupEndpointAsync("X26", "TEST_WORKFLOW");

        Assert.Contains(lookup.Results, r => r.MailboxId == "X26ABC2");
    }

    [SandboxFact]
    public async Task A_chunked_gzip_message_round_trips_through_the_sandbox()
    {
        var payload = Bytes.Pattern(2500, seed: 3);
        var sent = await Client("X26ABC1", chunkSize: 1000)
            .SendAsync(new MeshSendRequest("X26ABC2", "TEST_WORKFLOW") { Compress = true, ContentType = "application/fhir+json" }, new MemoryStream(payload));
        var receiver = Client("X26ABC2");

        var ids = new List<string>();
        await foreach (var id in receiver.EnumerateInboxAsync())
        {
            ids.Add(id);
        }

        Assert.Contains(sent.MessageId, ids);
        Assert.Equal(payload, await Bytes.DownloadAllAsync(receiver, sent.MessageId));
        await receiver.AcknowledgeAsync(sent.MessageId);
        Assert.Equal("acknowledged", (await Client("X26ABC1").TrackAsync(sent.MessageId)).Status);
    }
}
