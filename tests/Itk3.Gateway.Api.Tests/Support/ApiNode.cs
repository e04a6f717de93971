using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests.Support;

/// <summary>A real gateway node with its HTTP API on Kestrel (127.0.0.1:0) and a client carrying a valid key.</summary>
internal sealed class ApiNode(GatewayHost host, GatewayApiServer api) : IAsyncDisposable
{
    public const string Key = "test-key-0f3a9c";

    public GatewayHost Host { get; } = host;

    public GatewayApiServer Api { get; } = api;

    public HttpClient Client { get; } = Authorized(api.BaseAddress);

    public HttpClient Anonymous { get; } = new() { BaseAddress = api.BaseAddress };

    public static async Task<ApiNode> StartAsync(string mailbox, string ods, string folder, Uri mesh, int seed)
    {
        var host = await NodeFactory.StartAsync(NodeFactory.Options(mailbox, ods, folder), mesh, seed);
        var options = new GatewayApiOptions { Urls = ["http://127.0.0.1:0"], ApiKeys = ["another-key", Security.ApiKeyVerifier.Describe(Key)], MaxRequestBodyBytes = 1024 * 1024 };
        var api = await GatewayApiServer.StartAsync(host.Application, host.Queries, options);
        return new ApiNode(host, api);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Api.DisposeAsync();
        await Host.DisposeAsync();
    }

    private static HttpClient Authorized(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }
}
