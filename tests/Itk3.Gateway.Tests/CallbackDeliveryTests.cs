using System.Collections.Concurrent;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Tests;

public sealed class CallbackDeliveryTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Callback_delivery_retries_a_refusing_application_and_sends_the_idempotency_key_and_message_id()
    {
        using var temp = new TempFolder();
        var calls = new ConcurrentQueue<(string Key, string MeshId, int Length)>();
        var refusals = 1;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapPost("/inbound", async (HttpContext context) =>
        {
            if (Interlocked.Decrement(ref refusals) >= 0)
            {
                return Results.StatusCode(503);
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            calls.Enqueue((context.Request.Headers["Idempotency-Key"].ToString(), context.Request.Headers["X-Mesh-Message-Id"].ToString(), (int)body.Length));
            return Results.Ok();
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var gpOptions = NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")) with { Delivery = new DeliverySettings { Mode = "callback", CallbackUrl = url + "/inbound", CallbackSecret = CallbackSigningTests.Secret } };
        await using var gp = await NodeFactory.StartAsync(gpOptions, mesh.BaseAddress, 2);
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var payload = SampleDocuments.DischargeSummary("99999999-0000-4000-8000-000000000001", Date);
        await hospital.Application.SubmitAsync(new Application.SubmitRequest(payload, Transactions.RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None);

        var delivered = await Eventually.GetAsync(() => Task.FromResult(calls.ToArray()), c => c.Length == 1);
        var received = await gp.Queries.GetInboundAsync(delivered[0].MeshId, CancellationToken.None);
        Assert.Equal(InboundState.DeliveredToApplication, (await Eventually.GetAsync(() => gp.Queries.GetInboundAsync(delivered[0].MeshId, CancellationToken.None), m => m?.State == InboundState.DeliveredToApplication))!.State);
        Assert.Equal(delivered[0].MeshId.ToUpperInvariant(), delivered[0].Key);
        Assert.NotNull(received);
        Assert.True(delivered[0].Length > payload.Length);
    }
}
