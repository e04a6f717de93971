using System.Net.Http;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting.Mesh;
using Itk3.Gateway.Outbound;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Retention;
using Itk3.Gateway.Transport.Mesh;
using Itk3.Mesh;
using Itk3.Mesh.Server;
using Itk3.Mesh.Http;
using Itk3.Messaging.Building;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Itk3.Gateway.Hosting;

/// <summary>Builds a running <see cref="GatewayHost"/> from <see cref="GatewayOptions"/> (tests, the demo, the load tool; <c>itk3 serve</c> runs it in the Generic Host through <c>AddItk3Gateway</c>).</summary>
/// <param name="options">The node configuration (relative paths already resolved).</param>
public sealed class GatewayHostBuilder(GatewayOptions options)
{
    /// <summary>The node's clock (MESH authentication always uses the system clock).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The id generator; random GUIDs when null.</summary>
    public IIdGenerator? Ids { get; init; }

    /// <summary>The jitter source; <see cref="Random.Shared"/> when null.</summary>
    public Random? Random { get; init; }

    /// <summary>Use this MESH server instead of the configured URL or an embedded one (two nodes sharing one embedded MESH).</summary>
    public Uri? MeshUrl { get; init; }

    /// <summary>Replaces the configured delivery (tests count deliveries with it).</summary>
    public IDeliveryTarget? DeliveryTarget { get; init; }

    /// <summary>Where the node logs; silent when not set.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The node's instruments (from DI's meter factory); the host creates and disposes its own when null.</summary>
    public GatewayMetrics? Metrics { get; init; }

    /// <summary>The crash hook.</summary>
    public ICrashHook Crashes { get; init; } = NoCrashes.Instance;

    /// <summary>Adjusts the node services before the node starts (lease, concurrency, intervals, log).</summary>
    public Func<GatewayNodeServices, GatewayNodeServices>? Tune { get; init; }

    /// <summary>A cap on the store's size: writes past it fail as on a full disk (null: no cap).</summary>
    public long? MaxDatabaseBytes { get; init; }

    /// <summary>Opens the store, connects to (or starts) MESH, starts the node and the drop folder.</summary>
    public async Task<GatewayHost> StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        SpoolFiles.ClearLeftovers(Path.Combine(options.DataDirectory, "spool"));
        var profile = GatewayOptionsLoader.LoadReceiverProfile(options);
        var submitValidation = SubmitValidation.Load(options);
        MeshServer? embedded = null;
        var meshUrl = MeshUrl;
        if (meshUrl is null && options.Mesh.IsEmbedded)
        {
            embedded = await EmbeddedMesh.StartAsync([(options.Mailbox, options.OdsCode)], Path.Combine(options.DataDirectory, "mesh"), options.Mesh.EmbeddedListenUrl, null, cancellationToken).ConfigureAwait(false);
            meshUrl = embedded.BaseAddress;
        }

        meshUrl ??= new Uri(options.Mesh.ResolvedUrl);
        var clientOptions = MeshConnectionFactory.Create(options.Mesh, options.Mailbox, meshUrl);
        var metrics = Metrics ?? new GatewayMetrics();
        var instanceId = OpenedStore.InstanceIdOf(options);
        var store = await OpenedStore.OpenAsync(options, instanceId, Clock, MaxDatabaseBytes, cancellationToken).ConfigureAwait(false);
        var client = new MeshClient(clientOptions, new MeshCallTelemetryHandler(metrics, Clock) { InnerHandler = MeshTransport.CreateHandler(clientOptions) });
        var services = Services(store, client, profile) with
        {
            LoggerFactory = LoggerFactory, Metrics = metrics, InstanceId = instanceId, SubmitValidation = submitValidation,
        };
        var node = new GatewayNode(Tune?.Invoke(services) ?? services);
        var host = new GatewayHost(node, store, client, embedded, meshUrl) { OwnedMetrics = Metrics is null ? metrics : null };
        if (clientOptions.ClientCertificate is { } certificate)
        {
            host.WatchCertificate(certificate, options.Health.CertificateWarning, LoggerFactory.CreateLogger("Itk3.Gateway.Hosting"));
        }

        node.Start();
        if (options.EffectiveDropFolder is { } drop)
        {
            host.Watch(new DropFolderWatcher(drop, node.Application, Clock, TimeSpan.FromSeconds(1), options.DropFolderArchive));
        }

        if (options.Retention.IsEnabled)
        {
            host.Purge(new RetentionPurger(store.Retention, options.Retention, options.EffectiveDropFolder, Clock), LoggerFactory.CreateLogger("Itk3.Gateway.Retention"));
        }

        return host;
    }

    private GatewayNodeServices Services(OpenedStore store, MeshClient client, Messaging.Validation.ReceiverProfile profile) => new()
    {
        Options = options,
        Store = store.Store,
        Queries = store.Queries,
        PollerElection = store.Election,
        Transport = new MeshMessageTransport(client, options.Mailbox) { SpoolDirectory = Path.Combine(options.DataDirectory, "spool") },
        Clock = Clock,
        Ids = Ids ?? RandomIdGenerator.Instance,
        Retry = new RetryPolicy(Random ?? System.Random.Shared)
        {
            FastAttempts = options.Mesh.SendRetry.FastAttempts, BaseDelay = options.Mesh.SendRetry.BaseDelay, MaxDelay = options.Mesh.SendRetry.MaxDelay,
        },
        Profile = profile,
        DeliveryTarget = DeliveryTarget ?? ConfiguredTarget(),
        Crashes = Crashes,
        BytesInFlight = new ByteBudget(options.MaxBytesInFlight),
    };

    private IDeliveryTarget? ConfiguredTarget() => options.Delivery.Mode switch
    {
        "callback" => new CallbackDeliveryTarget(
            new HttpClient { Timeout = options.Delivery.CallbackTimeout }, new Uri(options.Delivery.CallbackUrl!), options.Delivery.CallbackSecret!, Clock),
        "folder" => new FolderDeliveryTarget(Path.GetFullPath(options.Delivery.Folder!, options.DataDirectory)),
        _ => null,
    };
}
