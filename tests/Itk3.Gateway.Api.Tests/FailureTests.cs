using System.Net;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class FailureTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Unavailable_store_is_store_unavailable()
    {
        await using var api = await StartAsync(() => new GatewayStoreException(GatewayStoreError.Unavailable, "busy"));
        using var client = Client(api);

        await Json.ProblemAsync(await client.GetAsync("api/v1/transactions"), HttpStatusCode.ServiceUnavailable, "store-unavailable");
    }

    [Fact]
    public async Task Unexpected_failure_is_internal_error_without_exception_details()
    {
        await using var api = await StartAsync(() => new InvalidOperationException("secret-internal-detail"));
        using var client = Client(api);

        var response = await client.GetAsync("api/v1/transactions/some-id");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.InternalServerError, "internal-error");
        var text = problem.GetRawText();
        Assert.DoesNotContain("secret-internal-detail", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
    }

    [Fact]
    public async Task Health_is_degraded_when_MESH_cannot_be_reached()
    {
        using var temp = new TempFolder();
        await using var host = await NodeFactory.StartAsync(NodeFactory.Options("X26LONE1", "X26", temp.Sub("n")), new Uri("http://127.0.0.1:9/"), 7);
        await using var api = await GatewayApiServer.StartAsync(host.Application, host.Queries, new GatewayApiOptions { Urls = ["http://127.0.0.1:0"], ApiKeys = ApiNode.Keys });
        using var client = Client(api);

        // Health reads what the node recorded (its handshake at start fails), never a live MESH call per probe.
        var health = await Eventually.GetAsync(() => Json.GetAsync(client, "api/v1/health"), h => h.GetProperty("status").GetString() == "degraded");
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        var ready = await Json.GetAsync(anonymous, "health/ready");

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("degraded", ready.GetProperty("status").GetString());
        Assert.Equal("mesh-unreachable", ready.GetProperty("reasons")[0].GetString());
        Assert.False(health.GetProperty("meshReachable").GetBoolean());
        Assert.True(health.GetProperty("storeReachable").GetBoolean());
        Assert.Equal("alive", (await Json.GetAsync(client, "health")).GetProperty("status").GetString());
    }

    private Task<GatewayApiServer> StartAsync(Func<Exception> failure) => GatewayApiServer.StartAsync(
        nodes.Hospital.Host.Application,
        new FailingQueries(failure),
        new GatewayApiOptions { Urls = ["http://127.0.0.1:0"], ApiKeys = ApiNode.Keys });

    private static HttpClient Client(GatewayApiServer api)
    {
        var client = new HttpClient { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiNode.Key);
        return client;
    }
}
