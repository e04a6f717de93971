using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Tests.Support;
using Itk3.Messaging.Codes;

namespace Itk3.Gateway.Tests;

public sealed class InboundMemoryTests
{
    [Fact]
    public async Task Node_receiving_several_large_messages_holds_one_at_a_time_within_its_byte_budget_and_stores_them_all()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        using var sender = RawMailbox.Open(mesh.BaseAddress, "X26HOS01");
        var ids = new List<string>();
        var smallest = long.MaxValue;
        for (var i = 0; i < 6; i++)
        {
            var message = RawMessages.Discharge(20 + i, $"5b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e{i}", observations: 2_800);
            smallest = Math.Min(smallest, message.Length);
            ids.Add(await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", message));
        }

        // About 1.5 MB each (above the 1 MB spool threshold). All six wait before the node starts: two batches of three run at once,
        // and the configured budget (maxBytesInFlight) fits one message only.
        var application = new CountingApplication();
        var options = NodeFactory.Options("X26GP001", "A12345", temp.Sub("g"), bus: false) with { MaxBytesInFlight = smallest + (smallest / 2) };
        var builder = new GatewayHostBuilder(options)
        {
            MeshUrl = mesh.BaseAddress,
            Ids = new SeededIds(5),
            Random = new Random(5),
            DeliveryTarget = application,
            Tune = s => s with { IdleInterval = TimeSpan.FromMilliseconds(100), Concurrency = 3 },
        };
        await using var gp = await builder.StartAsync(CancellationToken.None);
        var budget = gp.Node.Services.BytesInFlight;

        foreach (var id in ids)
        {
            var stored = await Eventually.GetAsync(() => gp.Queries.GetInboundAsync(id, CancellationToken.None), m => m?.State == InboundState.DeliveredToApplication, 120);
            Assert.Equal(ResponseCodes.Success, stored!.ItkCode);
        }

        Assert.Equal(6, application.Deliveries.Count);
        Assert.Equal(options.MaxBytesInFlight, budget.Capacity);
        Assert.InRange(budget.PeakInUse, smallest, budget.Capacity);
        Assert.True(budget.PeakInUse < 2 * smallest, $"two large messages were held at once ({budget.PeakInUse} bytes)");
        Assert.Equal(0, budget.InUse);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(temp.Sub("g"), "spool")));
    }
}
