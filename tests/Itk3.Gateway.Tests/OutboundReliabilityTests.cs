using System.Net;
using System.Net.Sockets;
using Itk3.Gateway.Application;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Itk3.Mesh.Server;

namespace Itk3.Gateway.Tests;

public sealed class OutboundReliabilityTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MESH_unavailable_means_retries_with_backoff_and_the_send_goes_once_MESH_is_back()
    {
        using var temp = new TempFolder();
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), url, 1);
        var submitted = await hospital.Application.SubmitAsync(Request("1"), CancellationToken.None);

        var failing = await Eventually.GetAsync(
            () => hospital.Queries.ListOutboxAsync(new ListFilter<OutboxState>(), CancellationToken.None),
            p => p.Items.Count == 1 && p.Items[0].Attempts >= 2);
        Assert.Equal(OutboxState.Pending, failing.Items[0].State);
        Assert.Equal("unavailable", failing.Items[0].LastError);
        var waiting = await hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None);
        Assert.Equal(TransactionState.Queued, waiting!.Transaction.State);
        Assert.Contains(waiting.Timeline, e => e.Kind == TransactionEventKind.SendFailed);
        Assert.False((await hospital.Application.GetHealthAsync(CancellationToken.None)).MeshReachable);

        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"), url.ToString().TrimEnd('/'));
        var sent = await Eventually.GetAsync(
            () => hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None),
            d => d?.Transaction.State == TransactionState.Sent);
        Assert.NotNull(sent!.Transaction.MeshMessageId);
        Assert.True((await hospital.Application.GetHealthAsync(CancellationToken.None)).MeshReachable);
    }

    [Fact]
    public async Task Missing_responses_time_out_at_the_flow_deadline()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var clock = new ManualTimeProvider(Date);
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1, clock: clock);
        var submitted = await hospital.Application.SubmitAsync(Request("2"), CancellationToken.None);
        var sent = await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None), d => d?.Transaction.State == TransactionState.Sent);
        Assert.Equal(Date + TimeSpan.FromHours(1), sent!.Transaction.InfrastructureDueAt);

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(300);
        Assert.Equal(TransactionState.Sent, (await hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None))!.Transaction.State);
        clock.Advance(TimeSpan.FromMinutes(2));

        var timedOut = await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None), d => d?.Transaction.State == TransactionState.TimedOut);
        Assert.Equal("timeout", timedOut!.Transaction.FailureCode);
        Assert.Contains(timedOut.Timeline, e => e.Kind == TransactionEventKind.TimedOut);
    }

    [Fact]
    public async Task MESH_undelivered_report_lands_on_the_transaction_and_fails_it()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var submitted = await hospital.Application.SubmitAsync(Request("3"), CancellationToken.None);
        var sent = await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None), d => d?.Transaction.MeshMessageId is not null);

        await mesh.Admin.InjectReportAsync(new MeshReportRequest
        {
            MailboxId = "X26HOS01",
            WorkflowId = "TOC_FHIR_IP_DISCH",
            LinkedMessageId = sent!.Transaction.MeshMessageId,
            Code = "14",
            Event = "TRANSFER",
            Description = "Message not collected by recipient after 5 days",
        });

        var failed = await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None), d => d?.Transaction.State == TransactionState.Failed);
        Assert.Equal("14", failed!.Transaction.FailureCode);
        Assert.Contains(failed.Timeline, e => e.Kind == TransactionEventKind.MeshReport && e.ItkCode == "14");
    }

    [Fact]
    public async Task Submission_is_refused_with_a_stable_code_for_an_unknown_flow_an_unknown_ODS_code_and_an_empty_payload()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var app = hospital.Application;

        var flow = await app.SubmitAsync(Request("4") with { Flow = "NOT_A_FLOW" }, CancellationToken.None);
        var ods = await app.SubmitAsync(Request("5") with { RecipientKind = RecipientKind.Ods, Recipient = "ZZZ99" }, CancellationToken.None);
        var empty = await app.SubmitAsync(Request("6") with { Payload = ReadOnlyMemory<byte>.Empty }, CancellationToken.None);
        var garbage = await app.SubmitAsync(Request("7") with { Payload = "nonsense"u8.ToArray() }, CancellationToken.None);

        Assert.Equal(GatewayErrorCodes.UnknownFlow, flow.Error?.Code);
        Assert.Equal(GatewayErrorCodes.RecipientNotFound, ods.Error?.Code);
        Assert.Equal(GatewayErrorCodes.InvalidPayload, empty.Error?.Code);
        Assert.Equal(GatewayErrorCodes.InvalidPayload, garbage.Error?.Code);
        Assert.Equal(0, (await hospital.Queries.ListTransactionsAsync(new ListFilter<TransactionState>(), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Submitting_the_same_caller_transaction_id_twice_queues_one_send()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);

        var first = await hospital.Application.SubmitAsync(Request("8") with { TransactionId = "app-key-1" }, CancellationToken.None);
        var second = await hospital.Application.SubmitAsync(Request("8") with { TransactionId = "app-key-1" }, CancellationToken.None);

        Assert.Equal("app-key-1", first.TransactionId);
        Assert.Equal("app-key-1", second.TransactionId);
        Assert.Equal(1, (await hospital.Queries.ListOutboxAsync(new ListFilter<OutboxState>(), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task GPPROVIDER_routing_failure_report_from_MESH_fails_the_transaction_with_its_EPL_code()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);

        var submitted = await hospital.Application.SubmitAsync(Request("9") with { RecipientKind = RecipientKind.GpProvider, Recipient = "9999999999_19700101_Nobody" }, CancellationToken.None);

        var failed = await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None), d => d?.Transaction.State == TransactionState.Failed);
        Assert.StartsWith("EPL-15", failed!.Transaction.FailureCode, StringComparison.Ordinal);
        Assert.Contains(failed.Timeline, e => e.Kind == TransactionEventKind.MeshReport);
    }

    private static SubmitRequest Request(string suffix) =>
        new(SampleDocuments.DischargeSummary("4c3b2a19-0817-4e6d-9c5b-" + suffix.PadLeft(12, '0'), Date), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
