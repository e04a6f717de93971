using Itk3.Mesh;
using Itk3.Mesh.Models;
using Itk3.Mesh.Server.Configuration;

namespace Itk3.Gateway.Tests.Support;

/// <summary>A bare MESH client for a mailbox, to put arbitrary bytes on the wire or read what a node sent.</summary>
internal static class RawMailbox
{
    public static MeshClient Open(Uri mesh, string mailbox) => new(new MeshClientOptions
    {
        BaseUrl = mesh,
        MailboxId = mailbox,
        Password = MeshSandboxDefaults.Password,
        SharedKey = MeshSandboxDefaults.SharedKey,
    });

    public static async Task<string> SendAsync(MeshClient client, string to, string workflow, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        var result = await client.SendAsync(new MeshSendRequest(to, workflow), content);
        return result.MessageId;
    }

    public static async Task<List<(MeshMessageMetadata Metadata, byte[] Content)>> DrainAsync(MeshClient client)
    {
        var all = new List<(MeshMessageMetadata, byte[])>();
        var page = await client.ListInboxAsync();
        foreach (var id in page.MessageIds)
        {
            await using var download = await client.DownloadAsync(id);
            using var buffer = new MemoryStream();
            await download.Content.CopyToAsync(buffer);
            all.Add((download.Metadata, buffer.ToArray()));
        }

        return all;
    }
}
