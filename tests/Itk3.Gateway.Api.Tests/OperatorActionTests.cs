using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Audit;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Api.Tests;

public sealed class OperatorActionTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sends_stuck_on_an_unreachable_MESH_are_requeued_and_resolved_with_the_key_name_on_the_timeline()
    {
        using var temp = new TempFolder();
        await using var host = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), new Uri($"http://127.0.0.1:{ClosedPort()}/"), 3);
        await using var api = await StartApiAsync(host);
        using var operate = Client(api, "operate-key-5c1e");
        using var read = Client(api, "read-key-5c1e");
        var submitted = await host.Application.SubmitAsync(new Application.SubmitRequest(Document(1), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None);
        var itemId = (await Eventually.GetAsync(() => Json.GetAsync(read, "api/v1/outbox?needsAttention=true"), p => p.GetProperty("total").GetInt32() == 1))
            .GetProperty("items")[0].GetProperty("id").GetString()!;

        // The node keeps retrying: an attempt in flight holds the item (409) for a moment.
        var requeued = await Eventually.GetAsync(
            () => operate.PostAsJsonAsync($"api/v1/outbox/{itemId}/requeue", new { note = "MESH back?" }),
            r => r.StatusCode != HttpStatusCode.Conflict);
        Assert.Equal("Pending", (await Json.ReadAsync(requeued, HttpStatusCode.OK)).GetProperty("state").GetString());
        var resolved = await Eventually.GetAsync(
            () => operate.PostAsJsonAsync($"api/v1/outbox/{itemId}/resolve", new { note = "sent by secure email instead" }),
            r => r.StatusCode != HttpStatusCode.Conflict);
        Assert.Equal("Resolved", (await Json.ReadAsync(resolved, HttpStatusCode.OK)).GetProperty("state").GetString());

        var details = (await host.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None))!;
        var actions = details.Timeline.Where(e => e.Kind == TransactionEventKind.OperatorAction).Select(e => e.Detail).ToList();
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a => Assert.Contains("operate-only", a));
        Assert.Contains("sent by secure email instead", actions[1]);
        var audit = await host.Queries.ListAuditAsync(new AuditQuery { TransactionId = submitted.TransactionId }, CancellationToken.None);
        Assert.Equal([AuditAction.Resolved, AuditAction.Requeued], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("operate-only", itemId), (a.Actor, a.SubjectId)));
        Assert.Equal(0, (await Json.GetAsync(read, "api/v1/outbox?needsAttention=true")).GetProperty("total").GetInt32());
        await Json.ProblemAsync(await operate.PostAsJsonAsync($"api/v1/outbox/{itemId}/requeue", new { }), HttpStatusCode.Conflict, "action-conflict");
    }

    [Fact]
    public async Task A_delivery_the_application_refused_is_requeued_delivered_and_its_message_history_names_the_operator()
    {
        using var temp = new TempFolder();
        var accepting = false;
        await using var app = await StartApplicationAsync(() => accepting);
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var gpOptions = NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")) with
        {
            Delivery = new DeliverySettings { Mode = "callback", CallbackUrl = app.Url + "inbound", CallbackSecret = "operator-test-secret-0123456789abcdef", Retry = new RetrySettings { FastAttempts = 1 } },
        };
        await using var gp = await NodeFactory.StartAsync(gpOptions, mesh.BaseAddress, 2);
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        await using var api = await StartApiAsync(gp);
        using var operate = Client(api, "operate-key-5c1e");
        using var read = Client(api, "read-key-5c1e");
        await hospital.Application.SubmitAsync(new Application.SubmitRequest(Document(2), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None);
        var stuck = (await Eventually.GetAsync(() => Json.GetAsync(read, "api/v1/deliveries?needsAttention=true"), p => p.GetProperty("total").GetInt32() == 1))
            .GetProperty("items")[0];
        var id = stuck.GetProperty("id").GetString()!;

        accepting = true;
        await Json.ProblemAsync(await operate.PostAsJsonAsync($"api/v1/deliveries/{id}/resolve", new { note = " " }), HttpStatusCode.BadRequest, "invalid-request");
        var requeued = await Eventually.GetAsync(() => operate.PostAsJsonAsync($"api/v1/deliveries/{id}/requeue", new { }), r => r.StatusCode != HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);

        var delivered = await Eventually.GetAsync(() => Json.GetAsync(read, "api/v1/deliveries?state=Delivered"), p => p.GetProperty("total").GetInt32() == 1);
        Assert.Equal(id, delivered.GetProperty("items")[0].GetProperty("id").GetString());
        var history = await gp.Queries.ListAuditAsync(new AuditQuery { InboundMeshMessageId = stuck.GetProperty("inboundMeshMessageId").GetString() }, CancellationToken.None);
        var entry = Assert.Single(history);
        Assert.Equal((AuditAction.Requeued, AuditSubject.Delivery, "operate-only"), (entry.Action, entry.Subject, entry.Actor));
    }

    [Fact]
    public async Task Resolving_a_failed_transaction_takes_it_off_the_needs_attention_list_and_needs_a_note()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01")], temp.Sub("mesh"));
        await using var host = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 4);
        await using var api = await StartApiAsync(host);
        using var operate = Client(api, "operate-key-5c1e");
        using var read = Client(api, "read-key-5c1e");
        var submitted = await host.Application.SubmitAsync(new Application.SubmitRequest(Document(3), RecipientKind.Mailbox, "X26NOONE", "TOC_FHIR_IP_DISCH"), CancellationToken.None);
        var id = submitted.TransactionId ?? throw new InvalidOperationException(submitted.Error?.Detail);
        await Eventually.GetAsync(() => Json.GetAsync(read, "api/v1/transactions?needsAttention=true"), p => p.GetProperty("total").GetInt32() == 1);

        await Json.ProblemAsync(await operate.PostAsJsonAsync($"api/v1/transactions/{id}/resolve", new { }), HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(HttpStatusCode.NoContent, (await operate.PostAsJsonAsync($"api/v1/transactions/{id}/resolve", new { note = "recipient retired; phoned the practice" })).StatusCode);

        Assert.Equal(0, (await Json.GetAsync(read, "api/v1/transactions?needsAttention=true")).GetProperty("total").GetInt32());
        var timeline = (await Json.GetAsync(read, $"api/v1/transactions/{id}")).GetProperty("timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("kind").GetString() == "OperatorAction" && e.GetProperty("detail").GetString()!.Contains("operate-only"));
    }

    private static byte[] Document(int n) => SampleDocuments.DischargeSummary($"5b0c3f7e-1d2a-4c6b-9e8f-{n:D12}", Date);

    private static Task<GatewayApiServer> StartApiAsync(GatewayHost host) =>
        GatewayApiServer.StartAsync(host.Application, host.Queries, new GatewayApiOptions { Urls = ["http://127.0.0.1:0"], ApiKeys = ApiNode.Keys });

    private static HttpClient Client(GatewayApiServer api, string key)
    {
        var client = new HttpClient { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<RecordingApplication> StartApplicationAsync(Func<bool> accepting)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/inbound", () => accepting() ? Results.Ok() : Results.StatusCode(500));
        await app.StartAsync();
        return new RecordingApplication(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/"));
    }

    private sealed class RecordingApplication(WebApplication app, Uri url) : IAsyncDisposable
    {
        public Uri Url { get; } = url;

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
