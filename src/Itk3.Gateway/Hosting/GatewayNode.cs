using Itk3.Gateway.Application;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbound;
using Itk3.Gateway.Tracking;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Hosting;

/// <summary>A running ITK3 gateway node: inbox pump, outbox dispatcher, delivery worker, deadline monitor, MESH handshake and status sampler, with clean shutdown.</summary>
public sealed class GatewayNode : IAsyncDisposable
{
    private readonly GatewayNodeServices _services;
    private readonly NodeSignals _signals;
    private readonly GatewayMetrics? _ownedMetrics;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;

    /// <summary>Creates a node (not yet started).</summary>
    public GatewayNode(GatewayNodeServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ownedMetrics = services.Metrics is null ? new GatewayMetrics() : null;
        Metrics = services.Metrics ?? _ownedMetrics!;
        var logger = services.LoggerFactory.CreateLogger("Itk3.Gateway.Node");
        _signals = new NodeSignals(new NodeEvents(logger, Metrics, Status, services.Clock));
        _services = services.Store is InstrumentedStore ? services : services with { Store = new InstrumentedStore(services.Store, Metrics, services.Clock) };
        Application = new GatewayApplication(_services, _signals);
        Metrics.Observe(Status);
    }

    /// <summary>The application services (HTTP API, CLI, tests).</summary>
    public IGatewayApplication Application { get; }

    /// <summary>The read side of the node's store.</summary>
    public Store.IGatewayQueries Queries => _services.Queries;

    /// <summary>The node's configuration and services.</summary>
    public GatewayNodeServices Services => _services;

    /// <summary>What the node recorded about MESH, the store and its queues (health reads this).</summary>
    public NodeStatus Status { get; } = new();

    /// <summary>The node's instruments and activity source.</summary>
    public GatewayMetrics Metrics { get; }

    /// <summary>Completes when the node stops; faults when a loop died (for example a simulated crash).</summary>
    public Task Completion => _running ?? Task.CompletedTask;

    /// <summary>Starts the loops.</summary>
    public void Start()
    {
        if (_running is not null)
        {
            return;
        }

        var token = _stopping.Token;
        var loops = new List<Task>
        {
            Loop(new MessagePump(_services, _signals).RunAsync, token),
            Loop(new OutboxDispatcher(_services, _signals).RunAsync, token),
            Loop(new DeadlineMonitor(_services, _signals.Events).RunAsync, token),
            Loop(new MeshHandshake(_services, _signals.Events).RunAsync, token),
            Loop(new StatusSampler(_services, _signals.Events).RunAsync, token),
        };
        if (_services.DeliveryTarget is { } target)
        {
            loops.Add(Loop(new DeliveryWorker(_services, target, _signals).RunAsync, token));
        }

        _running = Task.WhenAll(loops);
    }

    /// <summary>Asks MESH for new messages now instead of at the next poll.</summary>
    public void PollNow() => _signals.Inbox.Set();

    /// <summary>Stops the loops and waits for them; a loop that died is not rethrown.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_running is not null)
        {
            try
            {
                await _running.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stopping: a dead loop was already reported through Completion.
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _ownedMetrics?.Dispose();
    }

    private Task Loop(Func<CancellationToken, Task> run, CancellationToken token) => Task.Run(async () =>
    {
        try
        {
            await run(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            throw;
        }
    });
}
