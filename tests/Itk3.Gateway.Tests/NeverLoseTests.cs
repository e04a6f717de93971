using System.Collections.Concurrent;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Tests;

/// <summary>Faults 1 and 2 of issue 8: a MESH 500 on download and a long application outage lose nothing and stall nothing silently.</summary>
public sealed class NeverLoseTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Downloads_MESH_answers_500_are_retried_until_stored_and_never_dead_lettered_empty()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        // Each message's first five downloads get 500: more than the MESH client's own three retries, so the pump's backoff is exercised too.
        await using var proxy = await FaultyProxy.StartAsync(
            mesh.BaseAddress,
            (request, seen) => request.Method == "GET" && request.Path.Value!.Contains("/inbox/", StringComparison.Ordinal) && seen < 5 ? 500 : null);
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), proxy.BaseAddress, 2);
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var payload = SampleDocuments.DischargeSummary($"1a2b3c4d-0000-4000-8000-00000000050{i}", Date);
            ids.Add((await hospital.Application.SubmitAsync(new SubmitRequest(payload, RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None)).TransactionId!);
        }

        var received = await Eventually.GetAsync(
            () => gp.Queries.ListInboundAsync(new ListFilter<InboundState> { Flow = "TOC_FHIR_IP_DISCH" }, CancellationToken.None), p => p.Total == 3);
        foreach (var message in received.Items)
        {
            Assert.NotEqual(InboundState.DeadLettered, message.State);
            Assert.True((await gp.Queries.GetInboundContentAsync(message.MeshMessageId, CancellationToken.None))!.Length > 1000);
        }

        Assert.True(proxy.Injected >= 15);
        Assert.Equal(0, (await gp.Queries.ListInboundAsync(new ListFilter<InboundState> { NeedsAttention = true }, CancellationToken.None)).Total);
        foreach (var id in ids)
        {
            await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(id, CancellationToken.None), d => d?.Transaction.State == TransactionState.InfrastructureOk);
        }
    }

    [Fact]
    public async Task A_long_application_outage_keeps_the_delivery_retrying_counts_it_and_degrades_health_until_it_is_delivered()
    {
        using var temp = new TempFolder();
        var accepting = false;
        var keys = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapPost("/inbound", (HttpContext context) =>
        {
            if (!Volatile.Read(ref accepting))
            {
                return Results.StatusCode(503);
            }

            keys.Enqueue(context.Request.Headers["Idempotency-Key"].ToString());
            return Results.Ok();
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var retry = new RetrySettings { FastAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) };
        var gpOptions = NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")) with { Delivery = new DeliverySettings { Mode = "callback", CallbackUrl = url + "/inbound", CallbackSecret = CallbackSigningTests.Secret, Retry = retry } };
        await using var gp = await NodeFactory.StartAsync(gpOptions, mesh.BaseAddress, 2);
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        await hospital.Application.SubmitAsync(new SubmitRequest(SampleDocuments.DischargeSummary("1a2b3c4d-0000-4000-8000-000000000601", Date), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None);

        // Well past its fast retries: still pending (never abandoned), flagged waiting, counted, health degraded.
        var waiting = await Eventually.GetAsync(
            () => gp.Queries.ListDeliveriesAsync(new ListFilter<DeliveryState>(), CancellationToken.None), p => p.Total == 1 && p.Items[0].Attempts >= 8);
        Assert.Equal(DeliveryState.Pending, waiting.Items[0].State);
        Assert.NotNull(waiting.Items[0].WaitingSince);
        var degraded = await gp.Application.GetHealthAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(1, degraded.WaitingDeliveries);
        Assert.True(degraded.NeedingAttention >= 1);
        Assert.Equal(1, (await gp.Queries.ListDeliveriesAsync(new ListFilter<DeliveryState> { NeedsAttention = true }, CancellationToken.None)).Total);

        Volatile.Write(ref accepting, true);
        await Eventually.GetAsync(() => gp.Queries.ListDeliveriesAsync(new ListFilter<DeliveryState>(), CancellationToken.None), p => p.Items[0].State == DeliveryState.Delivered);
        Assert.Single(keys);
        var healthy = await gp.Application.GetHealthAsync(CancellationToken.None);
        Assert.Equal(0, healthy.WaitingDeliveries);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
    }
}
