using System.Collections.Concurrent;
using System.Diagnostics;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Itk3.Testing.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Itk3.Gateway.Tests;

/// <summary>
/// Traces that cross the store: a real <see cref="ActivityListener"/>, real nodes restarted on the same SQLite file (or
/// PostgreSQL schema when ITK3_TEST_POSTGRES is set) and a real embedded MESH.
/// </summary>
public sealed class TracingTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly List<string> _schemas = [];

    [Fact]
    public Task The_send_continues_the_submit_trace_across_a_restart_on_sqlite() => SendContinuesTheSubmitTraceAsync(postgres: false);

    [PostgresFact]
    public Task The_send_continues_the_submit_trace_across_a_restart_on_postgres() => SendContinuesTheSubmitTraceAsync(postgres: true);

    [Fact]
    public Task Receive_validate_respond_and_deliver_are_one_trace_across_a_restart_on_sqlite() => ReceiveToDeliverIsOneTraceAsync(postgres: false);

    [PostgresFact]
    public Task Receive_validate_respond_and_deliver_are_one_trace_across_a_restart_on_postgres() => ReceiveToDeliverIsOneTraceAsync(postgres: true);

    [Fact]
    public Task Rows_without_a_trace_context_are_sent_and_delivered_in_a_fresh_trace_on_sqlite() => RowsWithoutContextAsync(postgres: false);

    [PostgresFact]
    public Task Rows_without_a_trace_context_are_sent_and_delivered_in_a_fresh_trace_on_postgres() => RowsWithoutContextAsync(postgres: true);

    [Fact]
    public async Task A_callback_carries_the_receive_trace_to_the_application_in_traceparent()
    {
        using var spans = new SpanRecorder();
        using var temp = new TempFolder();
        var traceparents = new ConcurrentQueue<(string MeshId, string TraceParent)>();
        await using var app = await CallbackReceiverAsync(traceparents);
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var callback = new DeliverySettings { Mode = "callback", CallbackUrl = app.Urls.First() + "/inbound", CallbackSecret = CallbackSigningTests.Secret };
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")) with { Delivery = callback }, mesh.BaseAddress, 2);
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        await SubmitAsync(hospital);

        var (meshId, traceparent) = (await Eventually.GetAsync(() => Task.FromResult(traceparents.ToArray()), c => c.Length == 1))[0];

        var receive = Assert.Single(spans.Where("itk3.receive", NodeTracing.MeshMessageId, meshId));
        Assert.True(ActivityContext.TryParse(traceparent, null, out var context), traceparent);
        Assert.Equal(receive.TraceId, context.TraceId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_schemas.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var schema in _schemas)
            {
                await TestPostgres.DropSchemaAsync(schema);
            }
        }
    }

    private async Task SendContinuesTheSubmitTraceAsync(bool postgres)
    {
        using var spans = new SpanRecorder();
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var options = On(postgres, NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")));
        var (id, submit) = await SubmitAndCrashBeforeSendAsync(options, mesh.BaseAddress, spans);

        // A new node on the same store: nothing in memory links it to the submit, only the outbox row.
        await using var hospital = await NodeFactory.StartAsync(options, mesh.BaseAddress, 3);
        var details = await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(id, Ct), d => d?.Transaction.MeshMessageId is not null);

        var send = Assert.Single(spans.Where("itk3.send", NodeTracing.MeshMessageId, details!.Transaction.MeshMessageId!));
        Assert.Equal((submit.TraceId, submit.SpanId), (send.TraceId, send.ParentSpanId));
        Assert.Equal(id, send.GetTagItem(NodeTracing.TransactionId));
        Assert.NotEmpty(spans.ChildrenOf(send, "mesh.send"));
        Assert.Equal(submit.Id, (await hospital.Queries.GetOutboxItemAsync(details.OutboxItemIds[0], Ct))!.TraceParent);
    }

    private async Task ReceiveToDeliverIsOneTraceAsync(bool postgres)
    {
        using var spans = new SpanRecorder();
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(On(postgres, NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h"))), mesh.BaseAddress, 1);
        var gpOptions = On(postgres, NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")));
        var id = await SubmitAsync(hospital);
        var meshId = await ReceiveWithoutDeliveringAsync(gpOptions, mesh.BaseAddress);
        var app = new CountingApplication();
        await using var gp = await NodeFactory.StartAsync(gpOptions, mesh.BaseAddress, 3, app);
        await Eventually.GetAsync(() => Task.FromResult(app.Received.Count), n => n == 1);
        using (var reportRequest = new Activity("test.report-outcome").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            Assert.Equal(OutcomeResult.Accepted, await gp.Application.ReportOutcomeAsync(new OutcomeReport(meshId, "30001"), Ct));
        }

        await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(id, Ct), d => d?.Transaction.State == TransactionState.Complete);

        var receive = Assert.Single(spans.Where("itk3.receive", NodeTracing.MeshMessageId, meshId));
        Assert.Equal(default, receive.ParentSpanId);
        Assert.Equal(receive.Id, (await gp.Queries.GetInboundAsync(meshId, Ct))!.TraceParent);
        var validate = Assert.Single(spans.ChildrenOf(receive, "itk3.validate"));
        Assert.Equal<object?>(true, validate.GetTagItem("itk3.accepted"));
        Assert.Equal(receive.GetTagItem(NodeTracing.ItkCode), validate.GetTagItem(NodeTracing.ItkCode));
        Assert.NotEmpty(spans.ChildrenOf(receive, "mesh.download"));
        Assert.NotEmpty(spans.ChildrenOf(receive, "mesh.acknowledge"));

        // Every delivery attempt, before and after the restart, is a child of the receive; the last one succeeded.
        var deliveries = spans.Where("itk3.deliver", NodeTracing.MeshMessageId, meshId);
        Assert.All(deliveries, d => Assert.Equal((receive.TraceId, receive.SpanId), (d.TraceId, d.ParentSpanId)));
        Assert.Contains(deliveries, d => d.Status == ActivityStatusCode.Error);
        Assert.Single(deliveries, d => d.Status != ActivityStatusCode.Error);

        // The infrastructure acknowledgement (queued while receiving) and the business response (reported after the
        // restart) are children of the receive, and each send continues its response.
        // (The first node may have been stopped in the middle of sending the acknowledgement: the second sends it again,
        // possibly after the hospital completed on the business response, hence the wait.)
        var responds = spans.ChildrenOf(receive, "itk3.respond").OrderBy(r => (string?)r.GetTagItem(NodeTracing.ItkCode)).ToList();
        Assert.Equal(["20013", "30001"], responds.Select(r => (string?)r.GetTagItem(NodeTracing.ItkCode)));
        await Eventually.GetAsync(
            () => Task.FromResult(responds.Count(r => spans.ChildrenOf(r, "itk3.send").Any(s => s.GetTagItem(NodeTracing.MeshMessageId) is not null))),
            sentCount => sentCount == responds.Count);
        Assert.Single(responds[1].Links);
    }

    private async Task RowsWithoutContextAsync(bool postgres)
    {
        using var spans = new SpanRecorder();
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var hospitalOptions = On(postgres, NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")));
        var gpOptions = On(postgres, NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")));
        var (id, submit) = await SubmitAndCrashBeforeSendAsync(hospitalOptions, mesh.BaseAddress, spans);
        await ClearTraceContextAsync(hospitalOptions, "outbox");
        await using var hospital = await NodeFactory.StartAsync(hospitalOptions, mesh.BaseAddress, 3);
        var meshId = await ReceiveWithoutDeliveringAsync(gpOptions, mesh.BaseAddress);
        await ClearTraceContextAsync(gpOptions, "deliveries");
        await ClearTraceContextAsync(gpOptions, "inbound_messages");
        var app = new CountingApplication();
        await using var gp = await NodeFactory.StartAsync(gpOptions, mesh.BaseAddress, 5, app);
        await Eventually.GetAsync(() => Task.FromResult(app.Received.Count), n => n == 1);
        Assert.Equal(OutcomeResult.Accepted, await gp.Application.ReportOutcomeAsync(new OutcomeReport(meshId, "30001"), Ct));
        var details = await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(id, Ct), d => d?.Transaction.State == TransactionState.Complete);

        var send = Assert.Single(spans.Where("itk3.send", NodeTracing.MeshMessageId, details!.Transaction.MeshMessageId!));
        var receive = Assert.Single(spans.Where("itk3.receive", NodeTracing.MeshMessageId, meshId));
        var delivered = Assert.Single(spans.Where("itk3.deliver", NodeTracing.MeshMessageId, meshId), d => d.Status != ActivityStatusCode.Error);
        var business = Assert.Single(spans.Where("itk3.respond", NodeTracing.InReplyTo, meshId), r => (string?)r.GetTagItem(NodeTracing.ItkCode) == "30001");
        Assert.All([send, delivered, business], s => Assert.Equal(default, s.ParentSpanId));
        Assert.NotEqual(submit.TraceId, send.TraceId);
        Assert.NotEqual(receive.TraceId, delivered.TraceId);
        Assert.NotEqual(receive.TraceId, business.TraceId);
        Assert.Equal(["20013", "30001"], details.Responses.Select(r => r.Code).Order());
    }

    /// <summary>An application's callback endpoint (Kestrel) that records the <c>traceparent</c> header of each call.</summary>
    private static async Task<WebApplication> CallbackReceiverAsync(ConcurrentQueue<(string MeshId, string TraceParent)> traceparents)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/inbound", (HttpContext context) =>
        {
            traceparents.Enqueue((context.Request.Headers["X-Mesh-Message-Id"].ToString(), context.Request.Headers["traceparent"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>Submits on a node that dies after claiming the send and before making it: the outbox row is all that is left.</summary>
    private static async Task<(string Id, Activity Submit)> SubmitAndCrashBeforeSendAsync(GatewayOptions options, Uri mesh, SpanRecorder spans)
    {
        var crash = new CrashOnce(CrashPoint.AfterClaimBeforeSend);
        await using var node = await NodeFactory.StartAsync(options, mesh, 1, crashes: crash);
        var id = await SubmitAsync(node);
        await Eventually.GetAsync(() => Task.FromResult(node.Node.Completion.IsFaulted), faulted => faulted);
        Assert.Empty(spans.Where("itk3.send", NodeTracing.TransactionId, id));
        return (id, Assert.Single(spans.Where("itk3.submit", NodeTracing.TransactionId, id)));
    }

    /// <summary>Runs the receiving node with an application that refuses everything until a delivery attempt failed, then stops it; returns the received message's MESH id.</summary>
    private static async Task<string> ReceiveWithoutDeliveringAsync(GatewayOptions options, Uri mesh)
    {
        var refusing = new CountingApplication();
        refusing.RefuseNext(int.MaxValue);
        await using var node = await NodeFactory.StartAsync(options, mesh, 2, refusing);
        var pending = await Eventually.GetAsync(
            () => node.Queries.ListDeliveriesAsync(new ListFilter<DeliveryState>(), Ct),
            p => p.Items.Any(d => d.LastError is not null));
        var meshId = pending.Items[0].InboundMeshMessageId!;
        await Eventually.GetAsync(() => node.Queries.GetInboundAsync(meshId, Ct), m => m?.AcknowledgedAt is not null);
        return meshId;
    }

    private static async Task<string> SubmitAsync(GatewayHost node)
    {
        var request = new SubmitRequest(SampleDocuments.DischargeSummary(Guid.NewGuid().ToString(), Date), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH")
        {
            TransactionId = Guid.NewGuid().ToString(),
        };
        var result = await node.Application.SubmitAsync(request, Ct);
        Assert.True(result.IsAccepted, result.Error?.ToString());
        return result.TransactionId!;
    }

    /// <summary>Makes the table's rows look as migration 0007 leaves older rows: no trace context.</summary>
    private static async Task ClearTraceContextAsync(GatewayOptions options, string table)
    {
        var sql = $"UPDATE {table} SET trace_parent = NULL, trace_state = NULL";
        if (options.Store.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(options.Store.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql.Replace("UPDATE ", $"UPDATE {options.Store.Schema}.", StringComparison.Ordinal), connection);
            Assert.True(await command.ExecuteNonQueryAsync() > 0);
            return;
        }

        await using var sqlite = new SqliteConnection($"Data Source={options.EffectiveDatabasePath};Pooling=False");
        await sqlite.OpenAsync();
        await using var update = sqlite.CreateCommand();
        update.CommandText = sql;
        Assert.True(await update.ExecuteNonQueryAsync() > 0);
    }

    private GatewayOptions On(bool postgres, GatewayOptions options)
    {
        if (!postgres)
        {
            return options;
        }

        var schema = TestPostgres.NewSchema();
        _schemas.Add(schema);
        return options with
        {
            Store = new StoreSettings { Provider = StoreSettings.Postgres, ConnectionString = TestPostgres.RequireConnectionString(), Schema = schema, PollerLease = TimeSpan.FromSeconds(2) },
        };
    }
}
