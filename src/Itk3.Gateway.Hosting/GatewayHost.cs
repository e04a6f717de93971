using Itk3.Gateway.Application;
using Itk3.Gateway.Store;
using Itk3.Mesh;
using Itk3.Mesh.Server;

namespace Itk3.Gateway.Hosting;

/// <summary>A composed, running node with everything it owns (store, MESH client, embedded MESH server, drop folder, certificate watch); disposing stops and releases them in reverse order.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly OpenedStore _store;
    private readonly MeshClient _client;
    private readonly MeshServer? _ownedMesh;
    private Task _dropFolder = Task.CompletedTask;
    private Task _certificate = Task.CompletedTask;
    private Task _retention = Task.CompletedTask;

    internal GatewayHost(GatewayNode node, OpenedStore store, MeshClient client, MeshServer? ownedMesh, Uri meshUrl)
    {
        Node = node;
        _store = store;
        _client = client;
        _ownedMesh = ownedMesh;
        MeshUrl = meshUrl;
    }

    /// <summary>The node.</summary>
    public GatewayNode Node { get; }

    /// <summary>The application services (what the HTTP API calls).</summary>
    public IGatewayApplication Application => Node.Application;

    /// <summary>The read side of the store (what the HTTP API and dashboard read).</summary>
    public IGatewayQueries Queries => Node.Queries;

    /// <summary>The MESH server this node talks to.</summary>
    public Uri MeshUrl { get; }

    /// <summary>The embedded MESH server, when this host runs one.</summary>
    public MeshServer? EmbeddedMesh => _ownedMesh;

    /// <summary>The node's instruments when this host created them (disposed with it).</summary>
    internal Diagnostics.GatewayMetrics? OwnedMetrics { get; init; }

    /// <summary>Where the store is: the SQLite database file, or the PostgreSQL server, database and schema.</summary>
    public string DatabasePath => _store.Location;

    /// <summary>Stops every part and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _dropFolder, _certificate, _retention })
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await Node.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
        await _store.Owner.DisposeAsync().ConfigureAwait(false);
        if (_ownedMesh is not null)
        {
            await _ownedMesh.DisposeAsync().ConfigureAwait(false);
        }

        OwnedMetrics?.Dispose();
        _stopping.Dispose();
    }

    internal void Watch(Outbound.DropFolderWatcher watcher) => _dropFolder = Task.Run(() => watcher.RunAsync(_stopping.Token));

    internal void Purge(Retention.RetentionPurger purger, Microsoft.Extensions.Logging.ILogger logger) => _retention = Task.Run(() => purger.RunAsync(logger, _stopping.Token));

    /// <summary>Checks the MESH client certificate now and once a day (expiry recorded for health, warnings logged).</summary>
    internal void WatchCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, TimeSpan warning, Microsoft.Extensions.Logging.ILogger logger)
    {
        var clock = Node.Services.Clock;
        Mesh.CertificateWatch.Check(certificate, Node.Status, warning, clock, logger);
        _certificate = Task.Run(async () =>
        {
            while (!_stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromDays(1), clock, _stopping.Token).ConfigureAwait(false);
                Mesh.CertificateWatch.Check(certificate, Node.Status, warning, clock, logger);
            }
        });
    }
}
