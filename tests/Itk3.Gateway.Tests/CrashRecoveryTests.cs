using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tests;

/// <summary>Kills a node at each named step of the send, receive and delivery paths, restarts it on the same SQLite file and MESH server, and checks nothing is lost or processed twice.</summary>
public sealed class CrashRecoveryTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<CrashPoint> Points => [.. Enum.GetValues<CrashPoint>()];

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Node_killed_at_a_step_and_restarted_loses_nothing_and_processes_nothing_twice(CrashPoint point)
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var gpApp = new CountingApplication();
        var hospitalCrash = new CrashOnce(point);
        var gpCrash = new CrashOnce(point);
        var hospitalOptions = NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h"));
        var gpOptions = NodeFactory.Options("X26GP001", "A12345", temp.Sub("g"));
        var hospital = new Restartable(hospitalOptions, mesh.BaseAddress, 10, null, hospitalCrash);
        var gp = new Restartable(gpOptions, mesh.BaseAddress, 20, gpApp, gpCrash);
        await using (hospital)
        await using (gp)
        {
            await hospital.StartAsync();
            await gp.StartAsync();
            var request = new SubmitRequest(SampleDocuments.DischargeSummary("5b0c6f1e-2d3a-4e5f-8a9b-" + ((int)point).ToString("D12", System.Globalization.CultureInfo.InvariantCulture), Date), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH");
            var submitted = await hospital.Host.Application.SubmitAsync(request, CancellationToken.None);

            var delivered = await Eventually.GetAsync(async () => { await hospital.RestartIfDeadAsync(); await gp.RestartIfDeadAsync(); return gpApp.Received.ToArray(); }, r => r.Length >= 1);
            var outcome = await gp.Host.Application.ReportOutcomeAsync(new OutcomeReport(delivered[0].InboundMeshMessageId!, "30001"), CancellationToken.None);
            Assert.Equal(OutcomeResult.Accepted, outcome);

            var details = await Eventually.GetAsync(
                async () => { await hospital.RestartIfDeadAsync(); await gp.RestartIfDeadAsync(); return await hospital.Host.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None); },
                d => d?.Timeline.Any(e => e.Kind == TransactionEventKind.ResponseSent) == true && d.Transaction.State == TransactionState.Complete);
            await Eventually.GetAsync(
                async () => { await gp.RestartIfDeadAsync(); return await gp.Host.Queries.ListInboundAsync(new ListFilter<InboundState>(), CancellationToken.None); },
                p => p.Total >= 2 && p.Items.All(m => m.AcknowledgedAt is not null));
            await Eventually.GetAsync(
                async () => { await gp.RestartIfDeadAsync(); return await gp.Host.Queries.ListDeliveriesAsync(new ListFilter<Delivery.DeliveryState> { States = [Delivery.DeliveryState.Pending] }, CancellationToken.None); },
                p => p.Total == 0);

            Assert.True(hospitalCrash.Fired || gpCrash.Fired);
            Assert.Equal(["20013", "30001"], details!.Responses.Select(r => r.Code).Order());
            var gpInbound = await gp.Host.Queries.ListInboundAsync(new ListFilter<InboundState>(), CancellationToken.None);
            Assert.Equal(2, gpInbound.Total);
            Assert.Single(gpInbound.Items, m => m.State == InboundState.BusinessOutcomeReported);
            Assert.Single(gpInbound.Items, m => m.State == InboundState.Complete && m.ItkCode == "20013");
            Assert.Single(gpApp.Deliveries.Keys);
            var expectedDeliveries = point == CrashPoint.AfterDeliverBeforeMarkDelivered ? 2 : 1;
            Assert.Equal(expectedDeliveries, gpApp.Deliveries.Values.Single());
        }
    }

    private sealed class Restartable(GatewayOptions options, Uri mesh, int seed, CountingApplication? app, ICrashHook crashes) : IAsyncDisposable
    {
        private int _generation;

        public GatewayHost Host { get; private set; } = null!;

        public async Task StartAsync() =>
            Host = await NodeFactory.StartAsync(options, mesh, seed + (1000 * _generation++), app, _generation == 1 ? crashes : NoCrashes.Instance);

        public async Task RestartIfDeadAsync()
        {
            if (!Host.Node.Completion.IsFaulted)
            {
                return;
            }

            await Host.DisposeAsync();
            await StartAsync();
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
