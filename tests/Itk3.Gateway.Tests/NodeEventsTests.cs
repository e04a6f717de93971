using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Tests;

public sealed class NodeEventsTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_step_of_an_exchange_is_one_log_event_with_its_ids_and_never_the_payload_or_a_name()
    {
        using var temp = new TempFolder();
        using var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, factory, 1);
        await using var gp = await StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), mesh.BaseAddress, factory, 2);

        var submitted = await hospital.Application.SubmitAsync(
            new SubmitRequest(SampleDocuments.DischargeSummary("7d1e0b7c-53a4-4f0e-9a55-0f4b1a2c3e01", Date), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None);
        var delivery = (await Eventually.GetAsync(() => gp.Application.ClaimDeliveriesAsync("app", 1, CancellationToken.None), d => d.Count == 1))[0];
        await gp.Application.AckDeliveryAsync(delivery.DeliveryId, CancellationToken.None);
        await gp.Application.ReportOutcomeAsync(new OutcomeReport(delivery.MeshMessageId!, "30001"), CancellationToken.None);
        await Eventually.GetAsync(() => Task.FromResult(logs.Events.Count(e => e.EventId == 1003)), n => n >= 3);

        var id = submitted.TransactionId!;
        var events = logs.Events.ToList();
        Assert.Contains(events, e => e.EventId == 1001 && Equals(e.Properties["TransactionId"], id));
        Assert.Contains(events, e => e.EventId == 1002 && Equals(e.Properties["TransactionId"], id) && e.Properties["MeshMessageId"] is string);
        Assert.Contains(events, e => e.EventId == 1011 && Equals(e.Properties["ItkCode"], "20013"));
        Assert.Contains(events, e => e.EventId == 1011 && Equals(e.Properties["ItkCode"], "30001"));
        Assert.Contains(events, e => e.EventId == 1030 && Equals(e.Properties["TransactionId"], id));
        Assert.Contains(events, e => e.EventId == 1010 && Equals(e.Properties["Flow"], "TOC_FHIR_IP_DISCH"));
        Assert.Contains(events, e => e.EventId == 1020 && Equals(e.Properties["MeshMessageId"], delivery.MeshMessageId));
        Assert.Contains(events, e => e.EventId == 1042);
        // The sample patient is "Test Example"; the payload is FHIR JSON.
        Assert.DoesNotContain(events, e => e.Message.Contains("Example", StringComparison.Ordinal) || e.Message.Contains("resourceType", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, 5000L, 0, "Healthy", "")]
    [InlineData(-10.0, null, 5000L, 0, "Degraded", "mesh-unreachable")]
    [InlineData(-120.0, null, 5000L, 0, "Unhealthy", "mesh-unreachable")]
    [InlineData(null, 10.0, 5000L, 0, "Degraded", "certificate-expiring")]
    [InlineData(null, -1.0, 5000L, 0, "Unhealthy", "certificate-expired")]
    [InlineData(null, null, 500L, 0, "Degraded", "disk-low")]
    [InlineData(null, null, 50L, 0, "Unhealthy", "disk-full")]
    [InlineData(null, null, 5000L, 45, "Degraded", "outbox-stuck")]
    public void Readiness_is_computed_from_recorded_state(double? meshFailingMinutes, double? certificateDays, long freeMegabytes, int oldestOutboxMinutes, string status, string reason)
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var health = new GatewayHealth(true, meshFailingMinutes is null, 0, 0, 0, 0)
        {
            MeshFailingSince = meshFailingMinutes is { } m ? now.AddMinutes(m) : null,
            CertificateExpiresAt = certificateDays is { } d ? now.AddDays(d) : null,
            FreeDiskBytes = freeMegabytes * 1024 * 1024,
            OldestOutboxAge = TimeSpan.FromMinutes(oldestOutboxMinutes),
        };

        var (verdict, reasons) = GatewayReadiness.Evaluate(health, new HealthSettings(), now);

        Assert.Equal(status, verdict.ToString());
        Assert.Equal(reason.Length == 0 ? [] : [reason], reasons);
    }

    private static Task<GatewayHost> StartAsync(GatewayOptions options, Uri mesh, ILoggerFactory logging, int seed) =>
        new GatewayHostBuilder(options)
        {
            MeshUrl = mesh,
            Ids = new SeededIds(seed),
            LoggerFactory = logging,
            Tune = s => s with { IdleInterval = TimeSpan.FromMilliseconds(100) },
        }.StartAsync(CancellationToken.None);
}
