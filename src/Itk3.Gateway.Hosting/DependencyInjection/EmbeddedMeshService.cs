using Itk3.Gateway.Configuration;
using Itk3.Mesh.Server;
using Microsoft.Extensions.Hosting;

namespace Itk3.Gateway.Hosting.DependencyInjection;

/// <summary>Runs our MESH server in-process for a node configured with <c>"mesh": {"url": "embedded"}</c>; started before the node, stopped after it.</summary>
internal sealed class EmbeddedMeshService(GatewayOptions options, GatewayRuntime runtime, TimeProvider clock) : IHostedService, IAsyncDisposable
{
    private MeshServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = await Hosting.EmbeddedMesh.StartAsync(
            [(options.Mailbox, options.OdsCode)], Path.Combine(options.DataDirectory, "mesh"), options.Mesh.EmbeddedListenUrl, clock, cancellationToken).ConfigureAwait(false);
        runtime.MeshStarted(_server.BaseAddress);
    }

    // Hosted services stop in reverse order: the node (registered after) is already stopped.
    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }
    }
}
