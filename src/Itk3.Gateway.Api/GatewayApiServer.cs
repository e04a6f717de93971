using Itk3.Gateway.Api.Hosting;
using Itk3.Gateway.Application;
using Itk3.Gateway.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Api;

/// <summary>The running HTTP API of a gateway node (Kestrel); disposing stops it.</summary>
public sealed class GatewayApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayApiServer(WebApplication app, IReadOnlyList<Uri> urls)
    {
        _app = app;
        Urls = urls;
    }

    /// <summary>The addresses it listens on (actual ports when port 0 was asked for).</summary>
    public IReadOnlyList<Uri> Urls { get; }

    /// <summary>The application's services (tests enumerate the mapped endpoints).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>The first address, for printing and clients.</summary>
    public Uri BaseAddress => Urls[0];

    /// <summary>Starts the API over a node's application services and read side.</summary>
    public static async Task<GatewayApiServer> StartAsync(
        IGatewayApplication application, IGatewayQueries queries, GatewayApiOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Urls.Count == 0)
        {
            throw new ArgumentException("at least one URL is required", nameof(options));
        }

        var app = GatewayApiApplication.Build(application, queries, options, loggerFactory);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new GatewayApiServer(app, [.. addresses.Select(a => new Uri(a.TrimEnd('/') + "/"))]);
    }

    /// <summary>Stops listening and releases the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
