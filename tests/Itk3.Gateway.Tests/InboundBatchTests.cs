using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Tests.Support;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Gateway.Tests;

public sealed class InboundBatchTests
{
    [Fact]
    public async Task Message_whose_handling_always_throws_is_dead_lettered_without_holding_back_its_batch()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        using var sender = RawMailbox.Open(mesh.BaseAddress, "X26HOS01");
        var poison = RawMessages.Discharge(11, "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c61");
        var good = RawMessages.Discharge(12, "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c62");
        var poisonId = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", poison);
        var goodId = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", good);
        var poisonedHeader = ItkMessageReader.Read(poison).Message!.MessageId!;

        // Both wait before the node starts, so they share one batch (concurrency 2).
        var builder = new GatewayHostBuilder(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")))
        {
            MeshUrl = mesh.BaseAddress,
            Ids = new SeededIds(3),
            Random = new Random(3),
            DeliveryTarget = new CountingApplication(),
            Tune = s => s with { Store = new PoisonStore(s.Store, poisonedHeader), IdleInterval = TimeSpan.FromMilliseconds(100), Concurrency = 2 },
        };
        await using var gp = await builder.StartAsync(CancellationToken.None);

        var accepted = await Eventually.GetAsync(() => gp.Queries.GetInboundAsync(goodId, CancellationToken.None), m => m?.AcknowledgedAt is not null);
        var dead = await Eventually.GetAsync(() => gp.Queries.GetInboundAsync(poisonId, CancellationToken.None), m => m?.AcknowledgedAt is not null);
        Assert.Equal(ResponseCodes.Success, accepted!.ItkCode);
        Assert.NotEqual(InboundState.DeadLettered, accepted.State);
        Assert.Equal(InboundState.DeadLettered, dead!.State);
    }
}
