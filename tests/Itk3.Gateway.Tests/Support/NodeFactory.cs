using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Reliability;

namespace Itk3.Gateway.Tests.Support;

/// <summary>Starts nodes for tests on a shared MESH server, with fast polling and short leases.</summary>
internal static class NodeFactory
{
    public static GatewayOptions Options(string mailbox, string ods, string dataDirectory, bool inf = true, bool bus = true) => new()
    {
        Mailbox = mailbox,
        OdsCode = ods,
        DataDirectory = dataDirectory,
        DropFolder = "",
        Mesh = new MeshSettings { PollInterval = TimeSpan.FromMilliseconds(100), PageSize = 10 },
        Flows = [new FlowSettings { WorkflowId = "TOC_FHIR_IP_DISCH", InfAckRequested = inf, BusAckRequested = bus }],
    };

    public static Task<GatewayHost> StartAsync(
        GatewayOptions options, Uri mesh, int seed, IDeliveryTarget? app = null, ICrashHook? crashes = null, TimeProvider? clock = null, TimeSpan? lease = null) =>
        new GatewayHostBuilder(options)
        {
            MeshUrl = mesh,
            Ids = new SeededIds(seed),
            Random = new Random(seed),
            DeliveryTarget = app,
            Crashes = crashes ?? NoCrashes.Instance,
            Clock = clock ?? TimeProvider.System,
            Tune = s => s with
            {
                IdleInterval = TimeSpan.FromMilliseconds(100),
                Lease = lease ?? TimeSpan.FromSeconds(2),
                Retry = new RetryPolicy(new Random(seed)) { BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(500), FastAttempts = 3 },
            },
        }.StartAsync(CancellationToken.None);
}
