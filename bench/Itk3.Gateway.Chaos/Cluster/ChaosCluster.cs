using Itk3.Gateway.Chaos.Faults;
using Itk3.Gateway.Chaos.Recording;

namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>Everything a run starts: the MESH server (a process), the fault proxy in front of it, the two nodes (processes)
/// and the recording application behind the receiving node.</summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    private ChaosCluster(MeshServerProcess mesh, FaultProxy proxy, GatewayNode hospital, GatewayNode practice, RecordingApplication application)
    {
        Mesh = mesh;
        Proxy = proxy;
        Hospital = hospital;
        Practice = practice;
        Application = application;
    }

    /// <summary>The MESH server.</summary>
    public MeshServerProcess Mesh { get; }

    /// <summary>The proxy both nodes reach MESH through.</summary>
    public FaultProxy Proxy { get; }

    /// <summary>The sending node.</summary>
    public GatewayNode Hospital { get; }

    /// <summary>The receiving node.</summary>
    public GatewayNode Practice { get; }

    /// <summary>The application the receiving node delivers to.</summary>
    public RecordingApplication Application { get; }

    /// <summary>The nodes' store.</summary>
    public ChaosStore Store { get; private init; } = ChaosStore.Sqlite;

    /// <summary>Starts everything and waits until the nodes answer.</summary>
    public static async Task<ChaosCluster> StartAsync(string itk3, string root, int seed, ChaosStore store, CancellationToken cancellationToken)
    {
        NodeSpec[] nodes = [NodeSpec.Hospital, NodeSpec.Practice];
        var mesh = MeshServerProcess.Start(itk3, root, nodes);
        if (!await mesh.WaitUpAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"the MESH server did not start: see {root}/mesh.log");
        }

        var proxyPort = LoopbackPorts.Next();
        var proxy = await FaultProxy.StartAsync(proxyPort, mesh.Url, seed ^ 0x5EED).ConfigureAwait(false);
        var application = new RecordingApplication(LoopbackPorts.Next());
        await application.SetModeAsync(ApplicationMode.Up).ConfigureAwait(false);
        var hospital = GatewayNode.Start(itk3, root, NodeSpec.Hospital, LoopbackPorts.Url(proxyPort), null, store);
        var practice = GatewayNode.Start(itk3, root, NodeSpec.Practice, LoopbackPorts.Url(proxyPort), application.CallbackUrl, store);
        var cluster = new ChaosCluster(mesh, proxy, hospital, practice, application) { Store = store };
        foreach (var node in new[] { hospital, practice })
        {
            if (!await node.WaitUpAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false))
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"node {node.Spec.Name} did not start: see {root}/{node.Spec.Name}.log");
            }
        }

        return cluster;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Hospital.DisposeAsync().ConfigureAwait(false);
        await Practice.DisposeAsync().ConfigureAwait(false);
        await Mesh.DisposeAsync().ConfigureAwait(false);
        await Proxy.DisposeAsync().ConfigureAwait(false);
        await Application.DisposeAsync().ConfigureAwait(false);
        await Store.DropAsync(NodeSpec.Hospital).ConfigureAwait(false);
        await Store.DropAsync(NodeSpec.Practice).ConfigureAwait(false);
    }
}
