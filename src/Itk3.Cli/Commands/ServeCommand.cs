using System.CommandLine;
using Itk3.Cli.Serving;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Hosting.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 serve</c>: runs a gateway node in the Generic Host until Ctrl+C or SIGTERM (or as a systemd / Windows service).</summary>
internal static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    internal static Command Create()
    {
        var config = GatewayConfigOption.Create();
        var sets = GatewayConfigOption.CreateSet();
        var apiUrl = new Option<string?>("--api-url")
        {
            Description = "Where the HTTP API listens (overrides config apiUrl; default http://127.0.0.1:5080; \"\" turns it off). "
                + "Calls under /api need an X-Api-Key header matching one of config apiKeys; /health/live, /health/ready, /metrics and /openapi/v1.json are open. See docs/gateway-api.md.",
        };
        var logFormat = new Option<string>("--log-format") { Description = "console (one line per event, UTC time and level) or json (one JSON object per line); both on standard output.", DefaultValueFactory = _ => "console" };
        logFormat.AcceptOnlyFromAmong(LogFormat.Names);
        var command = new Command("serve",
            "Run an ITK3 gateway node: it polls its MESH mailbox, validates and answers received messages (infrastructure\n"
            + "and business responses on the flow's _ACK workflow), delivers accepted payloads to the local application,\n"
            + "sends what the application submits (drop folder or HTTP API) and tracks every transaction until complete,\n"
            + "failed or timed out. With no options it runs alone: embedded MESH server, SQLite under ./itk3-data.\n"
            + "Configuration: the --config file, then ITK3__* environment variables (ITK3__MESH__PASSWORD), then --set.\n\n"
            + "Examples:\n  itk3 serve --config samples/gateway/node.json\n  itk3 serve --config node.json --log-format json --set mesh:pollInterval=00:01:00")
        {
            config, sets, apiUrl, logFormat,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => RunAsync(
            r.GetValue(config), r.GetValue(sets) ?? [], r.GetValue(apiUrl), r.GetValue(logFormat)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? file, string[] sets, string? apiUrlOption, string logFormat, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (GatewayConfigOption.TryRead(file, sets, "itk3 serve", stderr) is not { } options)
        {
            return ExitCodes.UsageOrIo;
        }

        var apiUrl = (apiUrlOption ?? options.ApiUrl).Trim();
        IHost host;
        try
        {
            Directory.CreateDirectory(options.DataDirectory);
            host = NodeServer.Build(options, apiUrl, logFormat);
            await host.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or GatewayConfigException or Itk3.Gateway.Store.GatewayStoreException or UnauthorizedAccessException
            or InvalidOperationException or FormatException or UriFormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            await stderr.WriteLineAsync($"itk3 serve: cannot start: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        using (host)
        {
            if (logFormat == "console")
            {
                PrintBanner(stdout, options, host.Services.GetRequiredService<GatewayRuntime>().Host, DescribeApi(host, options, apiUrl));
            }

            try
            {
                await host.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // WaitForShutdownAsync has stopped the host gracefully.
            }
        }

        return ExitCodes.Ok;
    }

    private static string DescribeApi(IHost host, GatewayOptions options, string apiUrl)
    {
        if (apiUrl.Length == 0)
        {
            return "off (apiUrl is empty)";
        }

        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return $"{address} (dashboard at {address}, OpenAPI at {address}openapi/v1.json, metrics at {address}metrics, probes at {address}health/ready; "
            + (options.ApiKeys.Count == 0 ? "no apiKeys configured: every /api call is refused)" : $"{options.ApiKeys.Count} API key(s) configured)")
            + (options.ApiKeys.Any(k => k.IsLegacy) ? "\n           warning: apiKeys given as plain strings are deprecated (every scope); write {\"name\", \"key\", \"scopes\"} objects" : string.Empty);
    }

    private static void PrintBanner(TextWriter stdout, GatewayOptions options, GatewayHost host, string api)
    {
        stdout.WriteLine($"ITK3 gateway node {options.Mailbox} (ODS {options.OdsCode})");
        stdout.WriteLine($"MESH:      {host.MeshUrl}{(options.Mesh.IsEmbedded ? " (embedded)" : string.Empty)}");
        stdout.WriteLine($"Store:     {host.DatabasePath}");
        stdout.WriteLine($"Flows:     {string.Join(", ", options.EffectiveFlows.Select(f => f.WorkflowId))}");
        stdout.WriteLine($"Delivery:  {options.Delivery.Mode}");
        if (options.DropFolder != string.Empty)
        {
            stdout.WriteLine($"Drop:      {Path.GetFullPath(options.DropFolder ?? "outgoing", options.DataDirectory)} (*.submit.json files are picked up)");
        }

        stdout.WriteLine($"API:       {api}");
        stdout.WriteLine("Press Ctrl+C to stop.");
    }
}
