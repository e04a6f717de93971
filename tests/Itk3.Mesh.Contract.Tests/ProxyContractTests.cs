using System.Collections.Concurrent;
using System.Net;
using Itk3.Mesh.Retry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>With a proxy configured, every MESH request goes to the proxy, addressed to the MESH host.</summary>
public sealed class ProxyContractTests
{
    [Fact]
    public async Task Requests_travel_through_the_configured_proxy_with_their_token()
    {
        var seen = new ConcurrentQueue<(string Host, string Path, string? Authorization)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var proxy = builder.Build();
        proxy.Run(context =>
        {
            seen.Enqueue((context.Request.Host.Value ?? string.Empty, context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.FirstOrDefault()));
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        await proxy.StartAsync();
        var proxyUrl = proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var client = new MeshClient(new MeshClientOptions
        {
            BaseUrl = new Uri("http://mesh.invalid:8700"),
            MailboxId = "X26ABC1",
            Password = "password",
            SharedKey = "TestKey",
            Proxy = new WebProxy(proxyUrl),
            Retry = MeshRetryPolicy.None,
        });
        await client.HandshakeAsync();

        var request = Assert.Single(seen);
        Assert.Equal(("mesh.invalid:8700", "/messageexchange/X26ABC1"), (request.Host, request.Path));
        Assert.StartsWith("NHSMESH X26ABC1:", request.Authorization);
    }
}
