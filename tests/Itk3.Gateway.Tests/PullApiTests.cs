using Itk3.Gateway.Application;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tests;

public sealed class PullApiTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pulled_delivery_comes_back_after_its_lease_until_acknowledged_and_never_after()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), mesh.BaseAddress, 2, lease: TimeSpan.FromSeconds(2));
        var payload = SampleDocuments.DischargeSummary("abcdefab-0000-4000-8000-000000000001", Date);
        await hospital.Application.SubmitAsync(new SubmitRequest(payload, RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None);

        var first = await Eventually.GetAsync(() => gp.Application.ClaimDeliveriesAsync("app", 10, CancellationToken.None), d => d.Count == 1);
        Assert.Empty(await gp.Application.ClaimDeliveriesAsync("app", 10, CancellationToken.None));
        var again = await Eventually.GetAsync(() => gp.Application.ClaimDeliveriesAsync("app", 10, CancellationToken.None), d => d.Count == 1);

        Assert.Equal(first[0].DeliveryId, again[0].DeliveryId);
        Assert.Equal(first[0].IdempotencyKey, again[0].IdempotencyKey);
        Assert.True(await gp.Application.AckDeliveryAsync(again[0].DeliveryId, CancellationToken.None));
        Assert.False(await gp.Application.AckDeliveryAsync(again[0].DeliveryId, CancellationToken.None));
        await Task.Delay(2500);
        Assert.Empty(await gp.Application.ClaimDeliveriesAsync("app", 10, CancellationToken.None));
        var received = await gp.Application.GetPayloadAsync(first[0].MeshMessageId!, CancellationToken.None);
        Assert.Equal(InboundState.DeliveredToApplication, received!.Message.State);
        Assert.Equal(first[0].Content.ToArray(), received.Content.ToArray());
    }

    [Fact]
    public async Task Health_reports_reachable_store_and_MESH_and_the_open_transactions()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var payload = SampleDocuments.DischargeSummary("abcdefab-0000-4000-8000-000000000002", Date);
        await hospital.Application.SubmitAsync(new SubmitRequest(payload, RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None);

        var health = await Eventually.GetAsync(() => hospital.Application.GetHealthAsync(CancellationToken.None), h => h.PendingOutbox == 0);

        Assert.True(health.IsHealthy);
        Assert.Equal(1, health.OpenTransactions);
        Assert.Equal(0, health.NeedingAttention);
        Assert.Null(await hospital.Application.GetPayloadAsync("NOSUCHMESSAGE", CancellationToken.None));
    }
}
