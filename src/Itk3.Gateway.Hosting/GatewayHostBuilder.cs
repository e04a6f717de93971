using System.Net.Http;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Outbound;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Retention;
using Itk3.Gateway.Sqlite;
using Itk3.Gateway.Transport.Mesh;
using Itk3.Mesh;
using Itk3.Mesh.Server;
using Itk3.Messaging.Building;

namespace Itk3.Gateway.Hosting;

/// <summary>The composition point of <c>itk3 serve</c>: builds a <see cref="GatewayHost"/> from <see cref="GatewayOptions"/>; <see cref="AddComponent"/> plugs in the HTTP API.</summary>
/// <param name="options">The node configuration (relative paths already resolved).</param>
public sealed class GatewayHostBuilder(GatewayOptions options)
{
    private readonly List<Func<GatewayHost, CancellationToken, Task<IAsyncDisposable>>> _components = [];

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

    /// <summary>The crash hook.</summary>
    public ICrashHook Crashes { get; init; } = NoCrashes.Instance;

    /// <summary>Adjusts the node services before the node starts (lease, concurrency, intervals, log).</summary>
    public Func<GatewayNodeServices, GatewayNodeServices>? Tune { get; init; }

    /// <summary>Adds a component started after the node (for example the HTTP API: <c>(host, ct) => api.StartAsync(host.Application, host.Queries, ct)</c>); disposed before the node.</summary>
    public GatewayHostBuilder AddComponent(Func<GatewayHost, CancellationToken, Task<IAsyncDisposable>> start)
    {
        _components.Add(start);
        return this;
    }

    /// <summary>Opens the store, connects to (or starts) MESH, starts the node, the drop folder and the components.</summary>
    public async Task<GatewayHost> StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var profile = GatewayOptionsLoader.LoadReceiverProfile(options);
        MeshServer? embedded = null;
        var meshUrl = MeshUrl;
        if (meshUrl is null && options.Mesh.IsEmbedded)
        {
            embedded = await EmbeddedMesh.StartAsync([(options.Mailbox, options.OdsCode)], Path.Combine(options.DataDirectory, "mesh"), options.Mesh.EmbeddedListenUrl, null, cancellationToken).ConfigureAwait(false);
            meshUrl = embedded.BaseAddress;
        }

        meshUrl ??= new Uri(options.Mesh.Url);
        var store = await SqliteGatewayStore.OpenAsync(new SqliteGatewayStoreOptions(options.EffectiveDatabasePath), Clock, cancellationToken).ConfigureAwait(false);
        var client = new MeshClient(new MeshClientOptions { BaseUrl = meshUrl, MailboxId = options.Mailbox, Password = options.Mesh.Password, SharedKey = options.Mesh.SharedKey });
        var services = Services(store, client, profile);
        services = Tune?.Invoke(services) ?? services;
        var node = new GatewayNode(services);
        var host = new GatewayHost(node, store, client, embedded, meshUrl);
        node.Start();
        if (options.EffectiveDropFolder is { } drop)
        {
            host.Watch(new DropFolderWatcher(drop, node.Application, Clock, TimeSpan.FromSeconds(1)));
        }

        if (options.Retention.IsEnabled)
        {
            var purger = new RetentionPurger(store, options.Retention, options.EffectiveDropFolder, Clock);
            host.Add(purger.Start(services.Log));
        }

        await StartComponentsAsync(host, cancellationToken).ConfigureAwait(false);
        return host;
    }

    private async Task StartComponentsAsync(GatewayHost host, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var start in _components)
            {
                host.Add(await start(host, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            // A component that cannot start (for example the API's port is taken) must not leave the node running.
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private GatewayNodeServices Services(SqliteGatewayStore store, MeshClient client, Messaging.Validation.ReceiverProfile profile) => new()
    {
        Options = options,
        Store = store,
        Queries = store,
        Transport = new MeshMessageTransport(client, options.Mailbox),
        Clock = Clock,
        Ids = Ids ?? RandomIdGenerator.Instance,
        Retry = new RetryPolicy(Random ?? System.Random.Shared),
        Profile = profile,
        DeliveryTarget = DeliveryTarget ?? ConfiguredTarget(),
        Crashes = Crashes,
        InstanceId = options.Mailbox,
    };

    private IDeliveryTarget? ConfiguredTarget() => options.Delivery.Mode switch
    {
        "callback" => new CallbackDeliveryTarget(
            new HttpClient { Timeout = options.Delivery.CallbackTimeout }, new Uri(options.Delivery.CallbackUrl!), options.Delivery.CallbackSecret!, Clock),
        "folder" => new FolderDeliveryTarget(Path.GetFullPath(options.Delivery.Folder!, options.DataDirectory)),
        _ => null,
    };
}
