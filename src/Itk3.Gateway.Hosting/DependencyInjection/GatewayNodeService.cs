using Itk3.Gateway.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Hosting.DependencyInjection;

/// <summary>The node as a hosted service: opens the store and starts the loops at host start, stops them gracefully at shutdown; a loop that dies stops the host.</summary>
internal sealed class GatewayNodeService(
    GatewayOptions options, GatewayRuntime runtime, Func<Uri?, GatewayHostBuilder> builder, IHostApplicationLifetime lifetime, ILogger<GatewayNodeService> logger) : BackgroundService
{
    private GatewayHost? _host;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var mesh = options.Mesh.IsEmbedded && runtime.EmbeddedMesh.IsCompleted ? await runtime.EmbeddedMesh.ConfigureAwait(false) : null;
            _host = await builder(mesh).StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            runtime.Fail(e);
            throw;
        }

        runtime.Start(_host);
        HostingLog.NodeStarted(logger, options.Mailbox, options.OdsCode, _host.MeshUrl, _host.DatabasePath);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        HostingLog.NodeStopping(logger, options.Mailbox);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
            _host = null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _host!.Node.Completion.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            HostingLog.NodeCrashed(logger, options.Mailbox, e.GetType().Name);
            lifetime.StopApplication();
        }
    }
}
