using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Itk3.Gateway.LoadTest;

/// <summary>The instances of one node (one mailbox) sharing its store; requests are spread over them round-robin, as a load balancer would.</summary>
internal sealed class LoadNodes : IAsyncDisposable
{
    // Failures and dead letters go to standard error, as before; the node's step-by-step events are left out.
    private static readonly ILoggerFactory Warnings = LoggerFactory.Create(b => b
        .AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
        .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));

    private readonly List<GatewayHost> instances = [];
    private readonly StoreSettings store;

    private LoadNodes(StoreSettings store) => this.store = store;

    public GatewayHost First => instances[0];

    public GatewayHost Next(int request) => instances[request % instances.Count];

    public static async Task<LoadNodes> StartAsync(
        string mailbox, string ods, string data, Uri mesh, LoadStore store, Func<Func<GatewayHost>, IDeliveryTarget?> target)
    {
        var nodes = new LoadNodes(store.SettingsFor(mailbox));
        for (var i = 0; i < store.Instances; i++)
        {
            var options = new GatewayOptions
            {
                Mailbox = mailbox,
                OdsCode = ods,
                DataDirectory = Path.Combine(data, $"instance-{i}"),
                DropFolder = "",
                Mesh = new MeshSettings { PollInterval = TimeSpan.FromMilliseconds(50), PageSize = 500 },
                Store = nodes.store,
                InstanceId = $"{mailbox}-{i}",
            };
            var index = i;
            nodes.instances.Add(await new GatewayHostBuilder(options)
            {
                MeshUrl = mesh,
                DeliveryTarget = target(() => nodes.instances[index]),
                LoggerFactory = Warnings,
                // Idle loops keep the node's default interval (1 s): queued work wakes its loop at once, and on PostgreSQL every idle
                // pass of every loop of every instance is a unit of work on the server (at 50 ms they cost more round trips than the work).
                Tune = s => s with { Concurrency = 16 },
            }.StartAsync(CancellationToken.None));
        }

        return nodes;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        if (store.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(store.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {store.Schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
