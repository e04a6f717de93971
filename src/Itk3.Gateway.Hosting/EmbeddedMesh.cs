using Itk3.Mesh.Server;
using Itk3.Mesh.Server.Configuration;
using Itk3.Messaging.Codes;

namespace Itk3.Gateway.Hosting;

/// <summary>Our MESH server run in-process for nodes configured with <c>"mesh": {"url": "embedded"}</c>, the demo, tests and the load tool.</summary>
public static class EmbeddedMesh
{
    /// <summary>Starts a MESH server on <paramref name="listenUrl"/> with the sandbox mailboxes plus <paramref name="mailboxes"/> (id, ODS code); every known ITK3 flow is registered for all of them (endpoint lookup finds them), any other workflow is allowed.</summary>
    public static Task<MeshServer> StartAsync(
        IEnumerable<(string Mailbox, string OdsCode)> mailboxes, string? dataDirectory, string listenUrl = "http://127.0.0.1:0", TimeProvider? clock = null, CancellationToken cancellationToken = default) =>
        StartAsync(mailboxes, dataDirectory, o => o with { ListenUrl = listenUrl, TimeProvider = clock ?? TimeProvider.System }, cancellationToken);

    /// <summary>Starts it with options adjusted by <paramref name="adjust"/> (for example HTTPS with required client certificates).</summary>
    public static Task<MeshServer> StartAsync(
        IEnumerable<(string Mailbox, string OdsCode)> mailboxes, string? dataDirectory, Func<MeshServerOptions, MeshServerOptions> adjust, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adjust);
        var sandbox = MeshSandboxDefaults.Create();
        var all = sandbox.Mailboxes.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var (mailbox, ods) in mailboxes)
        {
            all[mailbox] = new MeshMailboxConfig { Id = mailbox.ToUpperInvariant(), Password = MeshSandboxDefaults.Password, OdsCode = ods.ToUpperInvariant(), Name = mailbox };
        }

        var ids = all.Keys.Select(k => k.ToUpperInvariant()).ToList();
        var workflows = ItkFlows.All.SelectMany(f => new[] { f.WorkflowId, f.AckWorkflowId }).Distinct()
            .Select(w => new MeshWorkflowConfig { Id = w, Senders = ids, Receivers = ids });
        var config = sandbox with { Mailboxes = [.. all.Values], Workflows = [.. sandbox.Workflows, .. workflows], EnforceWorkflowRegistration = false };
        return MeshServer.StartAsync(adjust(new MeshServerOptions { Config = config, DataDirectory = dataDirectory }), cancellationToken);
    }
}
