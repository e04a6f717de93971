using Itk3.Gateway;
using Itk3.Gateway.Api;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Itk3.Mesh.Server;

namespace Itk3.Dashboard.Tests.Support;

/// <summary>The demo exchange on real nodes (hospital and GP practice on an embedded MESH), the hospital's API with the dashboard on Kestrel, plus one send MESH refuses (a dead letter).</summary>
public sealed class DashboardNode : IAsyncLifetime
{
    public const string OperatorKey = "ops-key-3d9a";
    public const string ViewerKey = "viewer-key-3d9a";
    public const string SubmitKey = "ehr-key-3d9a";
    private const string Flow = "TOC_FHIR_IP_DISCH";
    private readonly TempFolder _temp = new();
    private MeshServer? _mesh;
    private GatewayHost? _practice;
    private GatewayApiServer? _api;

    internal GatewayHost Hospital { get; private set; } = null!;

    public Uri BaseAddress => _api!.BaseAddress;

    /// <summary>The demo transaction (complete: 20013 then 30001).</summary>
    public string DemoTransactionId { get; private set; } = "";

    /// <summary>The transaction whose send MESH refused (failed, its send dead-lettered).</summary>
    public string DeadLetterTransactionId { get; private set; } = "";

    public IGatewayQueries Queries => Hospital.Queries;

    public async Task InitializeAsync()
    {
        _mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], _temp.Sub("mesh"));
        Hospital = await StartNodeAsync("X26HOS01", "RXX01", _temp.Sub("hospital"), _mesh.BaseAddress);
        _practice = await StartNodeAsync("X26GP001", "A12345", _temp.Sub("practice"), _mesh.BaseAddress);
        IReadOnlyList<ApiKeySettings> keys =
        [
            new() { Name = "ops", Key = OperatorKey, Scopes = [ApiScopes.Read, ApiScopes.Operate] },
            new() { Name = "viewer", Key = ViewerKey, Scopes = [ApiScopes.Read] },
            new() { Name = "ehr", Key = SubmitKey, Scopes = [ApiScopes.Submit] },
        ];
        _api = await GatewayApiServer.StartAsync(Hospital.Application, Hospital.Queries, new GatewayApiOptions { Urls = ["http://127.0.0.1:0"], ApiKeys = keys }.WithDashboard());
        DemoTransactionId = await RunDemoAsync();
        DeadLetterTransactionId = await SubmitAsync(RecipientKind.Mailbox, "X26NOONE", "b7e0c2d4-0000-4000-8000-000000000002");
        await Eventually.GetAsync(
            () => Queries.ListTransactionsAsync(new ListFilter<TransactionState> { NeedsAttention = true }, CancellationToken.None),
            p => p.Items.Any(t => t.Id == DeadLetterTransactionId));
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        await Hospital.DisposeAsync();
        if (_practice is not null)
        {
            await _practice.DisposeAsync();
        }

        if (_mesh is not null)
        {
            await _mesh.DisposeAsync();
        }

        _temp.Dispose();
    }

    private static Task<GatewayHost> StartNodeAsync(string mailbox, string ods, string data, Uri mesh) =>
        new GatewayHostBuilder(new GatewayOptions
        {
            Mailbox = mailbox, OdsCode = ods, DataDirectory = data, DropFolder = "",
            Mesh = new MeshSettings { PollInterval = TimeSpan.FromMilliseconds(100), PageSize = 10 },
        })
        {
            MeshUrl = mesh,
            Tune = s => s with
            {
                IdleInterval = TimeSpan.FromMilliseconds(100),
                // A refused send waits 10-20 s between attempts, so an operator's requeue never meets it mid-attempt.
                Retry = new RetryPolicy(new Random(7)) { BaseDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromMinutes(1), FastAttempts = 1 },
            },
        }.StartAsync(CancellationToken.None);

    // The demo exchange (as `itk3 demo`): discharge summary to ODS A12345, the practice takes it and reports 30001.
    private async Task<string> RunDemoAsync()
    {
        var id = await SubmitAsync(RecipientKind.Ods, "A12345", "b7e0c2d4-0000-4000-8000-000000000001");
        var delivery = await Eventually.GetAsync(
            async () => (await _practice!.Application.ClaimDeliveriesAsync("dashboard-tests", 1, CancellationToken.None)).FirstOrDefault(), d => d is not null);
        await _practice!.Application.AckDeliveryAsync(delivery!.DeliveryId, CancellationToken.None);
        await _practice.Application.ReportOutcomeAsync(new OutcomeReport(delivery.MeshMessageId!, "30001"), CancellationToken.None);
        await Eventually.GetAsync(() => Queries.GetTransactionAsync(id, CancellationToken.None), d => d?.Transaction.State == TransactionState.Complete);
        return id;
    }

    private async Task<string> SubmitAsync(RecipientKind kind, string recipient, string documentId)
    {
        var document = SampleDocuments.DischargeSummary(documentId, DateTimeOffset.UtcNow);
        var result = await Hospital.Application.SubmitAsync(new SubmitRequest(document, kind, recipient, Flow) { SenderReference = "DEMO-0001" }, CancellationToken.None);
        return result.TransactionId ?? throw new InvalidOperationException($"submission refused: {result.Error}");
    }
}
