using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests.Support;

/// <summary>A real gateway node with its HTTP API on Kestrel (127.0.0.1:0) and a client carrying a valid key.</summary>
internal sealed class ApiNode(GatewayHost host, GatewayApiServer api) : IAsyncDisposable
{
    public const string Key = "test-key-0f3a9c";

    public GatewayHost Host { get; } = host;

    public GatewayApiServer Api { get; } = api;

    /// <summary>The test keys: the main key (every scope, by its hash), a deprecated plain one, and one key per single scope (named and keyed after it).</summary>
    public static IReadOnlyList<ApiKeySettings> Keys { get; } =
    [
        new() { Name = "tests", Key = Security.ApiKeyVerifier.Describe(Key), Scopes = [ApiScopes.Admin] },
        ApiKeySettings.Legacy("another-key", "key-2"),
        .. ApiScopes.All.Where(s => s != ApiScopes.Admin).Select(s => new ApiKeySettings { Name = s + "-only", Key = s + "-key-5c1e", Scopes = [s] }),
    ];

    public HttpClient Client { get; } = Authorized(api.BaseAddress);

    public HttpClient Anonymous { get; } = new() { BaseAddress = api.BaseAddress };

    public static Task<ApiNode> StartAsync(string mailbox, string ods, string folder, Uri mesh, int seed) =>
        StartAsync(NodeFactory.Options(mailbox, ods, folder), mesh, seed);

    public static async Task<ApiNode> StartAsync(GatewayOptions nodeOptions, Uri mesh, int seed)
    {
        var host = await NodeFactory.StartAsync(nodeOptions, mesh, seed);
        var options = new GatewayApiOptions { Urls = ["http://127.0.0.1:0"], ApiKeys = Keys, MaxRequestBodyBytes = 1024 * 1024 };
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

    /// <summary>A client carrying <paramref name="key"/> (the main key when null); the caller disposes it.</summary>
    public HttpClient With(string key) => Authorized(Api.BaseAddress, key);

    private static HttpClient Authorized(Uri baseAddress, string key = Key)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
