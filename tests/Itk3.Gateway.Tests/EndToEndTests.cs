using Itk3.Gateway.Application;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tests;

public sealed class EndToEndTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Discharge_summary_completes_with_infrastructure_business_and_closing_infrastructure_response()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var gpApp = new CountingApplication();
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), mesh.BaseAddress, 2, gpApp);

        var request = new SubmitRequest(SampleDocuments.DischargeSummary("7d1e0b7c-53a4-4f0e-9a55-0f4b1a2c3d01", Date), RecipientKind.Ods, "A12345", "TOC_FHIR_IP_DISCH");
        var submitted = await hospital.Application.SubmitAsync(request, CancellationToken.None);
        Assert.True(submitted.IsAccepted, submitted.Error?.ToString());

        var delivered = await Eventually.GetAsync(() => Task.FromResult(gpApp.Received.ToArray()), r => r.Length == 1);
        var outcome = await gp.Application.ReportOutcomeAsync(new OutcomeReport(delivered[0].InboundMeshMessageId!, "30001"), CancellationToken.None);
        Assert.Equal(OutcomeResult.Accepted, outcome);

        var details = await Eventually.GetAsync(
            () => hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None),
            d => d?.Timeline.Any(e => e.Kind == TransactionEventKind.ResponseSent) == true);
        Assert.Equal(TransactionState.Complete, details!.Transaction.State);
        Assert.Equal(["20013", "30001"], details.Responses.Select(r => r.Code).Order());
        Assert.Equal(ResponseLevel.Business, details.Responses.Single(r => r.Code == "30001").Level);

        var closing = await Eventually.GetAsync(
            () => gp.Queries.ListInboundAsync(new ListFilter<InboundState> { States = [InboundState.Complete] }, CancellationToken.None),
            p => p.Items.Any(m => m.ItkCode == "20013"));
        Assert.Single(closing.Items, m => m.ItkCode == "20013" && m.MeshMessageType == "DATA");
        Assert.Equal(1, gpApp.Deliveries.Values.Single());
    }

    [Fact]
    public async Task Same_outcome_twice_is_reported_once_and_a_different_one_conflicts()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var gpApp = new CountingApplication();
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), mesh.BaseAddress, 2, gpApp);
        var request = new SubmitRequest(SampleDocuments.DischargeSummary("7d1e0b7c-53a4-4f0e-9a55-0f4b1a2c3d02", Date), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH");
        var submitted = await hospital.Application.SubmitAsync(request, CancellationToken.None);
        var delivered = await Eventually.GetAsync(() => Task.FromResult(gpApp.Received.ToArray()), r => r.Length == 1);
        var id = delivered[0].InboundMeshMessageId!;

        Assert.Equal(OutcomeResult.Invalid, await gp.Application.ReportOutcomeAsync(new OutcomeReport(id, "20013"), CancellationToken.None));
        Assert.Equal(OutcomeResult.NotFound, await gp.Application.ReportOutcomeAsync(new OutcomeReport("NOSUCHMESSAGE", "30001"), CancellationToken.None));
        Assert.Equal(OutcomeResult.Accepted, await gp.Application.ReportOutcomeAsync(new OutcomeReport(id, "30002"), CancellationToken.None));
        Assert.Equal(OutcomeResult.AlreadyReported, await gp.Application.ReportOutcomeAsync(new OutcomeReport(id, "30002"), CancellationToken.None));
        Assert.Equal(OutcomeResult.Conflict, await gp.Application.ReportOutcomeAsync(new OutcomeReport(id, "30001"), CancellationToken.None));

        var details = await Eventually.GetAsync(
            () => hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None),
            d => d?.Transaction.State == TransactionState.Failed);
        Assert.Equal("30002", details!.Transaction.FailureCode);
    }
}
