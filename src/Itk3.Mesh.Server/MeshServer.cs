using Itk3.Mesh.Server.Delivery;
using Itk3.Mesh.Server.Endpoints;
using Itk3.Mesh.Server.Hosting;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Security;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Itk3.Mesh.Server;

/// <summary>
/// A running local MESH-compatible server (Kestrel). Start one with <see cref="StartAsync"/>; dispose it to stop.
/// Messages live in <see cref="MeshServerOptions.DataDirectory"/> and survive restarts.
/// </summary>
public sealed class MeshServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MessageStore _store;
    private readonly string? _temporaryDirectory;
    private readonly ITimer? _expiryTimer;

    private MeshServer(WebApplication app, MessageStore store, MeshAdmin admin, Uri baseAddress, string? temporaryDirectory, ITimer? timer)
    {
        _app = app;
        _store = store;
        Admin = admin;
        BaseAddress = baseAddress;
        _temporaryDirectory = temporaryDirectory;
        _expiryTimer = timer;
    }

    /// <summary>The root URL the server answers on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Test and operator controls: reset, inject a REPORT, run expiry.</summary>
    public MeshAdmin Admin { get; }

    /// <summary>The data directory in use.</summary>
    public string DataDirectory => _store.Root;

    /// <summary>Loads the store, binds the listener and starts serving.</summary>
    public static async Task<MeshServer> StartAsync(MeshServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Config.Validate();
        var temporary = options.DataDirectory is null ? Directory.CreateTempSubdirectory("itk3-mesh-").FullName : null;
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Itk3.Mesh.Server");
        var journal = options.Journal with { Failed = options.Journal.Failed + (e => ServerLog.JournalFailed(logger, e)) };
        var store = new MessageStore(options.DataDirectory ?? temporary!, journal);
        try
        {
            return await StartCoreAsync(options, store, temporary, logger, ct).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            if (temporary is not null)
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }
    }

    private static async Task<MeshServer> StartCoreAsync(
        MeshServerOptions options, MessageStore store, string? temporary, ILogger logger, CancellationToken ct)
    {
        await store.LoadAsync(ct).ConfigureAwait(false);
        var (services, admin) = Compose(options, store, logger);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MeshServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(k => KestrelSetup.Configure(k, options));
        LookupLimiter.Add(builder.Services, options.Config.Limits.LookupPermitsPerMinute, options.LookupWindow, logger);
        var app = builder.Build();
        app.UseRateLimiter();
        MeshRoutes.Map(app, services, admin);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ServerLog.Listening(logger, address, options.Config.Mailboxes.Count);
        var timer = options.ExpiryInterval is { } every
            ? options.TimeProvider.CreateTimer(_ => RunExpirySafely(admin, logger), null, every, every)
            : null;
        return new MeshServer(app, store, admin, new Uri(address.TrimEnd('/') + "/"), temporary, timer);
    }

    /// <summary>Runs the expiry sweep now at the injected time; returns how many messages expired.</summary>
    public Task<int> RunExpiryAsync(CancellationToken ct = default) => Admin.RunExpiryAsync(ct);

    /// <summary>Stops the listener and releases the store; a temporary data directory is deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_expiryTimer is not null)
        {
            await _expiryTimer.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        if (_temporaryDirectory is not null)
        {
            Directory.Delete(_temporaryDirectory, recursive: true);
        }
    }

    private static (EndpointServices Services, MeshAdmin Admin) Compose(MeshServerOptions options, MessageStore store, ILogger logger)
    {
        var config = options.Config;
        var ids = new MessageIdGenerator(options.TimeProvider, options.Random);
        var registry = new WorkflowRegistry(config);
        var router = new GpProviderRouter(config, registry);
        var messages = new MessageService(store, config, options.TimeProvider, ids, router, logger);
        var authenticator = new RequestAuthenticator(config, options.TimeProvider, store.Tokens);
        var services = new EndpointServices(config, store, messages, authenticator, registry, router, ids, logger);
        return (services, new MeshAdmin(messages, config));
    }

    private static async void RunExpirySafely(MeshAdmin admin, ILogger logger)
    {
        try
        {
            await admin.RunExpiryAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A timer callback is the boundary: a failed sweep is logged and retried at the next tick.
            ServerLog.ExpiryFailed(logger, e);
        }
    }
}
