using System.CommandLine;
using Itk3.Dashboard;
using Itk3.Gateway.Api;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Microsoft.Extensions.Logging;

namespace Itk3.Cli.Commands;

/// <summary>The HTTP API part of <c>itk3 serve</c>: the <c>--api-url</c> option, starting the API with the node, and its banner line.</summary>
internal sealed class ServeApi(GatewayOptions options, string? urlOverride)
{
    private GatewayApiServer? _server;

    /// <summary>The listen URL in force (option, else config <c>apiUrl</c>); empty when the API is off.</summary>
    public string Url { get; } = (urlOverride ?? options.ApiUrl).Trim();

    /// <summary>Creates the <c>--api-url</c> option.</summary>
    public static Option<string?> CreateOption() => new("--api-url")
    {
        Description = "Where the HTTP API listens (overrides config apiUrl; default http://127.0.0.1:5080; \"\" turns it off). "
            + "Calls under /api need an X-Api-Key header matching one of config apiKeys; GET /health and /openapi/v1.json are open. See docs/gateway-api.md.",
    };

    /// <summary>Adds the API as a component of the node (nothing when it is off).</summary>
    public GatewayHostBuilder AddTo(GatewayHostBuilder builder) => Url.Length == 0 ? builder : builder.AddComponent(StartAsync);

    /// <summary>The banner line: where the API listens, or why it is off.</summary>
    public string Describe() => _server is null
        ? "off (apiUrl is empty)"
        : $"{_server.BaseAddress} (dashboard at {_server.BaseAddress}, sign in with a read key; OpenAPI at {_server.BaseAddress}openapi/v1.json; "
            + (options.ApiKeys.Count == 0 ? "no apiKeys configured: every /api call is refused)" : $"{options.ApiKeys.Count} API key(s) configured)")
            + (options.ApiKeys.Any(k => k.IsLegacy) ? "\n           warning: apiKeys given as plain strings are deprecated (every scope); write {\"name\", \"key\", \"scopes\"} objects" : string.Empty);

    private async Task<IAsyncDisposable> StartAsync(GatewayHost host, CancellationToken cancellationToken)
    {
        var apiOptions = new GatewayApiOptions { Urls = [Url], ApiKeys = options.ApiKeys }.WithDashboard();
        var logging = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        try
        {
            _server = await GatewayApiServer.StartAsync(host.Application, host.Queries, apiOptions, logging, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or UriFormatException or IOException)
        {
            logging.Dispose();
            throw new IOException($"the HTTP API cannot listen on {Url} (--api-url or config apiUrl): {e.Message}", e);
        }

        return new Running(_server, logging);
    }

    /// <summary>Stops the server, then its console logging.</summary>
    private sealed class Running(GatewayApiServer server, ILoggerFactory logging) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await server.DisposeAsync().ConfigureAwait(false);
            logging.Dispose();
        }
    }
}
