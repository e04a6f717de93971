using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Tests.Support;

/// <summary>A real HTTP proxy on Kestrel (127.0.0.1:0) in front of a MESH server that answers a chosen status instead of forwarding, per request path.</summary>
internal sealed class FaultyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly ConcurrentDictionary<string, int> _seen = new();

    private FaultyProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    /// <summary>Where to point a MESH client.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many requests were answered with the injected fault.</summary>
    public int Injected => _injected;

    private int _injected;

    /// <summary>Starts the proxy; <paramref name="fault"/> gets the request and how many times its path was seen before, and returns a status to answer instead of forwarding, or null.</summary>
    public static async Task<FaultyProxy> StartAsync(Uri upstream, Func<HttpRequest, int, int?> fault)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new FaultyProxy(app, new HttpClient { BaseAddress = upstream });
        app.Run(context => proxy.HandleAsync(context, fault));
        await app.StartAsync();
        proxy.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context, Func<HttpRequest, int, int?> fault)
    {
        var path = context.Request.Path + context.Request.QueryString;
        var seen = _seen.AddOrUpdate(context.Request.Method + " " + context.Request.Path, 0, (_, n) => n + 1);
        if (fault(context.Request, seen) is { } status)
        {
            Interlocked.Increment(ref _injected);
            context.Response.StatusCode = status;
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), path.TrimStart('/'));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, value) in context.Request.Headers)
        {
            if (name is "Host" or "Content-Length" or "Transfer-Encoding")
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Content-Length"))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body);
    }
}
