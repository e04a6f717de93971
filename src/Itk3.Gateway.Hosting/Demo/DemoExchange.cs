using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Hosting.Demo;

/// <summary>Two nodes (a hospital and a GP practice) on an embedded MESH exchange one discharge summary under the Full Acknowledgement pattern.</summary>
public static class DemoExchange
{
    /// <summary>The hospital's mailbox.</summary>
    public const string HospitalMailbox = "X26HOSP01";

    /// <summary>The GP practice's mailbox.</summary>
    public const string PracticeMailbox = "X26GPP001";

    private const string HospitalOds = "RR8";
    private const string PracticeOds = "A12345";
    private const string Flow = "TOC_FHIR_IP_DISCH";

    /// <summary>Runs the exchange in <paramref name="folder"/> and returns the timeline, oldest first; <paramref name="progress"/> hears each stage.</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> RunAsync(string folder, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var mesh = await EmbeddedMesh.StartAsync([(HospitalMailbox, HospitalOds), (PracticeMailbox, PracticeOds)], Path.Combine(folder, "mesh"), cancellationToken: cancellationToken).ConfigureAwait(false);
        progress($"MESH server (embedded) on {mesh.BaseAddress}");
        await using var hospital = await StartAsync(HospitalMailbox, HospitalOds, Path.Combine(folder, "hospital"), mesh.BaseAddress, cancellationToken).ConfigureAwait(false);
        await using var practice = await StartAsync(PracticeMailbox, PracticeOds, Path.Combine(folder, "practice"), mesh.BaseAddress, cancellationToken).ConfigureAwait(false);
        progress($"Hospital node {HospitalMailbox} (ODS {HospitalOds}) and GP practice node {PracticeMailbox} (ODS {PracticeOds}) running");

        var document = SampleDocuments.DischargeSummary("3f2b8c1d-6e4a-4b7c-9d0e-1a2b3c4d5e6f", DateTimeOffset.UtcNow);
        var submitted = await hospital.Application.SubmitAsync(new SubmitRequest(document, RecipientKind.Ods, PracticeOds, Flow) { SenderReference = "DEMO-0001" }, cancellationToken).ConfigureAwait(false);
        if (!submitted.IsAccepted)
        {
            throw new InvalidOperationException($"submission refused: {submitted.Error}");
        }

        progress($"Hospital submitted a discharge summary for ODS {PracticeOds}: transaction {submitted.TransactionId}");
        var delivery = await WaitAsync(() => ClaimOneAsync(practice, cancellationToken), cancellationToken).ConfigureAwait(false);
        progress("GP practice application received the payload; it reports 30001 (patient known here)");
        await practice.Application.AckDeliveryAsync(delivery.DeliveryId, cancellationToken).ConfigureAwait(false);
        await practice.Application.ReportOutcomeAsync(new OutcomeReport(delivery.MeshMessageId!, "30001"), cancellationToken).ConfigureAwait(false);

        await WaitAsync(() => ClosedAsync(hospital, practice, submitted.TransactionId!, cancellationToken), cancellationToken).ConfigureAwait(false);
        return await TimelineAsync(hospital, practice, submitted.TransactionId!, cancellationToken).ConfigureAwait(false);
    }

    private static Task<GatewayHost> StartAsync(string mailbox, string ods, string data, Uri mesh, CancellationToken cancellationToken)
    {
        var options = new GatewayOptions
        {
            Mailbox = mailbox,
            OdsCode = ods,
            DataDirectory = data,
            DropFolder = "",
            Mesh = new MeshSettings { PollInterval = TimeSpan.FromMilliseconds(100), PageSize = 10 },
        };
        return new GatewayHostBuilder(options) { MeshUrl = mesh, Tune = s => s with { IdleInterval = TimeSpan.FromMilliseconds(100) } }.StartAsync(cancellationToken);
    }

    private static async Task<PulledDelivery?> ClaimOneAsync(GatewayHost practice, CancellationToken cancellationToken) =>
        (await practice.Application.ClaimDeliveriesAsync("demo-app", 1, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    private static async Task<bool?> ClosedAsync(GatewayHost hospital, GatewayHost practice, string transactionId, CancellationToken cancellationToken)
    {
        var details = await hospital.Queries.GetTransactionAsync(transactionId, cancellationToken).ConfigureAwait(false);
        var done = details?.Transaction.State.IsTerminal() == true && details.Timeline.Any(e => e.Kind == TransactionEventKind.ResponseSent);
        var inbound = await practice.Queries.ListInboundAsync(new ListFilter<InboundState> { States = [InboundState.Complete] }, cancellationToken).ConfigureAwait(false);
        return done && inbound.Items.Any(m => m.ItkCode == "20013") ? true : null;
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> poll, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await poll().ConfigureAwait(false) is { } value)
            {
                return value;
            }

            await Task.Delay(50, limit.Token).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(GatewayHost hospital, GatewayHost practice, string transactionId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        var details = await hospital.Queries.GetTransactionAsync(transactionId, cancellationToken).ConfigureAwait(false);
        entries.AddRange(details!.Timeline.Select(e => new TimelineEntry(e.At, "hospital", Describe(e), e.ItkCode)));
        var inbound = await practice.Queries.ListInboundAsync(new ListFilter<InboundState> { Take = 100 }, cancellationToken).ConfigureAwait(false);
        entries.AddRange(inbound.Items.Select(m => new TimelineEntry(m.ReceivedAt, "gp", DescribeInbound(m), m.ItkCode)));
        var outbox = await practice.Queries.ListOutboxAsync(new ListFilter<OutboxState> { Take = 100 }, cancellationToken).ConfigureAwait(false);
        entries.AddRange(outbox.Items.Select(o => new TimelineEntry(o.CompletedAt ?? o.CreatedAt, "gp", $"sent {o.Subject} on {o.WorkflowId}", o.Subject?.Split(' ')[^1])));
        return [.. entries.OrderBy(e => e.At)];
    }

    private static string Describe(TransactionEvent e) => e.Kind switch
    {
        TransactionEventKind.Created => $"discharge summary queued ({e.Detail})",
        TransactionEventKind.Sent => $"sent over MESH ({e.Detail})",
        TransactionEventKind.InfrastructureResponse => $"infrastructure response received ({e.Detail})",
        TransactionEventKind.BusinessResponse => $"business response received ({e.Detail})",
        TransactionEventKind.ResponseSent => $"closing infrastructure response sent ({e.Detail})",
        TransactionEventKind.Completed => "transaction complete",
        _ => $"{e.Kind} {e.Detail}",
    };

    private static string DescribeInbound(InboundMessage m) => m.TransactionId is null && m.State == InboundState.Complete
        ? "closing infrastructure response received (Full Acknowledgement)"
        : $"discharge summary received, validated, delivered ({m.State})";
}
