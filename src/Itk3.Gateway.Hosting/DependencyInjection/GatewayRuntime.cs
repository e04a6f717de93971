using Itk3.Gateway.Application;
using Itk3.Gateway.Store;

namespace Itk3.Gateway.Hosting.DependencyInjection;

/// <summary>The running node of a Generic Host (set by its hosted service at start); what DI hands out as <see cref="IGatewayApplication"/> and <see cref="IGatewayQueries"/>.</summary>
public sealed class GatewayRuntime
{
    private readonly TaskCompletionSource<GatewayHost> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _mesh = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The running node; throws before the host has started it.</summary>
    public GatewayHost Host => _started.Task.IsCompletedSuccessfully
        ? _started.Task.Result
        : throw new InvalidOperationException("the gateway node has not started yet (it starts with the host)");

    /// <summary>Completes when the node runs.</summary>
    public Task<GatewayHost> Started => _started.Task;

    /// <summary>The embedded MESH server's address, when the host runs one.</summary>
    internal Task<Uri> EmbeddedMesh => _mesh.Task;

    internal void Start(GatewayHost host) => _started.TrySetResult(host);

    internal void Fail(Exception error) => _started.TrySetException(error);

    internal void MeshStarted(Uri url) => _mesh.TrySetResult(url);
}
