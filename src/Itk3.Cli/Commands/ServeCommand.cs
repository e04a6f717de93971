using System.CommandLine;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 serve</c>: runs a gateway node until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>Extra components (such as the HTTP API) started with every node: <c>(host, ct) => ...</c> returning something to dispose at shutdown.</summary>
    internal static List<Func<GatewayHost, CancellationToken, Task<IAsyncDisposable>>> Components { get; } = [];

    /// <summary>Creates the command.</summary>
    internal static Command Create()
    {
        var config = GatewayConfigOption.Create();
        var apiUrl = ServeApi.CreateOption();
        var command = new Command("serve",
            "Run an ITK3 gateway node: it polls its MESH mailbox, validates and answers received messages (infrastructure\n"
            + "and business responses on the flow's _ACK workflow), delivers accepted payloads to the local application,\n"
            + "sends what the application submits (drop folder or HTTP API) and tracks every transaction until complete,\n"
            + "failed or timed out. With no options it runs alone: embedded MESH server, SQLite under ./itk3-data.\n\n"
            + "Example:\n  itk3 serve --config samples/gateway/node.json")
        {
            config,
            apiUrl,
        };
        command.SetAction((ParseResult r, CancellationToken ct) =>
            RunAsync(r.GetValue(config), r.GetValue(apiUrl), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    /// <summary>The builder <c>itk3 serve</c> uses, with the registered components added.</summary>
    internal static GatewayHostBuilder Compose(GatewayOptions options)
    {
        var builder = new GatewayHostBuilder(options) { Tune = s => s with { Log = line => Console.Error.WriteLine($"itk3 serve: {line}") } };
        foreach (var component in Components)
        {
            builder.AddComponent(component);
        }

        return builder;
    }

    private static async Task<int> RunAsync(FileInfo? file, string? apiUrl, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        GatewayOptions options;
        try
        {
            options = GatewayConfigOption.Read(file);
        }
        catch (GatewayConfigException e)
        {
            await stderr.WriteLineAsync($"itk3 serve: configuration error at {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        var api = new ServeApi(options, apiUrl);
        GatewayHost host;
        try
        {
            host = await api.AddTo(Compose(options)).StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or GatewayConfigException or Itk3.Gateway.Store.GatewayStoreException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"itk3 serve: cannot start: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        await using (host)
        {
            PrintBanner(stdout, options, host, api.Describe());
            try
            {
                await Task.WhenAny(Task.Delay(Timeout.Infinite, ct), host.Node.Completion).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            stdout.WriteLine("Stopping the node.");
        }

        return ExitCodes.Ok;
    }

    private static void PrintBanner(TextWriter stdout, GatewayOptions options, GatewayHost host, string api)
    {
        stdout.WriteLine($"ITK3 gateway node {options.Mailbox} (ODS {options.OdsCode})");
        stdout.WriteLine($"MESH:      {host.MeshUrl}{(host.EmbeddedMesh is null ? string.Empty : " (embedded)")}");
        stdout.WriteLine($"Store:     {host.DatabasePath}");
        stdout.WriteLine($"Flows:     {string.Join(", ", options.EffectiveFlows.Select(f => f.WorkflowId))}");
        stdout.WriteLine($"Delivery:  {options.Delivery.Mode}");
        if (options.DropFolder != string.Empty)
        {
            stdout.WriteLine($"Drop:      {Path.GetFullPath(options.DropFolder ?? "outgoing", options.DataDirectory)} (itk3 send writes here)");
        }

        stdout.WriteLine($"API:       {api}");
        stdout.WriteLine("Press Ctrl+C to stop.");
    }
}
