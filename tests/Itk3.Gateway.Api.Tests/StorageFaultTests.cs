using System.Net;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

/// <summary>Fault 9 of issue 8: a full disk answers 503 storage-full with health unhealthy, and nothing is lost once space returns.</summary>
public sealed class StorageFaultTests
{
    [Fact]
    public async Task A_full_store_answers_503_storage_full_with_health_unhealthy_and_nothing_is_lost_when_space_returns()
    {
        // A real SQLite file capped with max_page_count: writes past the cap fail with SQLITE_FULL exactly as on a full disk
        // (mounting a tiny filesystem needs root here). "Space returns" is the node started again without the cap.
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), (TwoNodes.GpMailbox, "A12345")], temp.Sub("mesh"));
        var options = NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h"));
        var database = Path.Combine(options.DataDirectory, "gateway.db");
        var document = SampleDocuments.DischargeSummary("1a2b3c4d-0000-4000-8000-000000000901", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        string kept;
        await using (var first = await StartAsync(options, mesh.BaseAddress, null, 1))
        {
            kept = (await Json.ReadAsync(await Json.SubmitAsync(first.Client, document, transactionId: "kept"), HttpStatusCode.Accepted))
                .GetProperty("transaction").GetProperty("id").GetString()!;
        }

        await using (var full = await StartAsync(options, mesh.BaseAddress, new FileInfo(database).Length, 3))
        {
            var big = SampleDocuments.DischargeSummary("1a2b3c4d-0000-4000-8000-000000000902", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
            await Json.ProblemAsync(await Json.SubmitAsync(full.Client, big, transactionId: "refused"), HttpStatusCode.ServiceUnavailable, "storage-full");

            var health = await Json.GetAsync(full.Client, "api/v1/health");
            Assert.Equal("unhealthy", health.GetProperty("status").GetString());
            Assert.Equal("storage-full", health.GetProperty("storeError").GetString());
        }

        await using var again = await StartAsync(options, mesh.BaseAddress, null, 5);
        var retried = await Json.ReadAsync(await Json.SubmitAsync(again.Client, SampleDocuments.DischargeSummary("1a2b3c4d-0000-4000-8000-000000000902", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero)), transactionId: "refused"), HttpStatusCode.Accepted);
        Assert.Equal("refused", retried.GetProperty("transaction").GetProperty("id").GetString());
        foreach (var id in new[] { kept, "refused" })
        {
            await Eventually.GetAsync(() => Json.GetAsync(again.Client, $"api/v1/transactions/{id}"), t => t.GetProperty("transaction").GetProperty("meshMessageId").ValueKind == System.Text.Json.JsonValueKind.String);
        }

        Assert.NotEqual("unhealthy", (await Json.GetAsync(again.Client, "api/v1/health")).GetProperty("status").GetString());
    }

    private static async Task<ApiNode> StartAsync(Configuration.GatewayOptions options, Uri mesh, long? cap, int seed)
    {
        var host = await new GatewayHostBuilder(options)
        {
            MeshUrl = mesh,
            Ids = new SeededIds(seed),
            Random = new Random(1),
            MaxDatabaseBytes = cap,
            Tune = s => s with { IdleInterval = TimeSpan.FromMilliseconds(100), Lease = TimeSpan.FromSeconds(2) },
        }.StartAsync(CancellationToken.None);
        var api = await GatewayApiServer.StartAsync(host.Application, host.Queries, new GatewayApiOptions { Urls = ["http://127.0.0.1:0"], ApiKeys = ApiNode.Keys });
        return new ApiNode(host, api);
    }
}
