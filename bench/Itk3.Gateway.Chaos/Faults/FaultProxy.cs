using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Chaos.Faults;

/// <summary>An HTTP proxy between the nodes and MESH that, while enabled, faults a share of the calls of every kind (500, 502,
/// a dropped connection after a wait, or a forwarded call whose answer is replaced by 500); seeded.</summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "Host",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _target;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<(MeshCallKind, ProxyFault), int> _injected = new();

    private FaultProxy(WebApplication app, Uri target, int seed)
    {
        _app = app;
        _target = target;
        _random = new Random(seed);
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>The share (0..1) of calls faulted; 0 lets every call through.</summary>
    public double FaultRate { get; set; }

    /// <summary>Faults injected so far, per call kind and fault.</summary>
    public IReadOnlyDictionary<(MeshCallKind Kind, ProxyFault Fault), int> Injected => _injected;

    /// <summary>Starts the proxy on <paramref name="port"/> forwarding to <paramref name="target"/>.</summary>
    public static async Task<FaultProxy> StartAsync(int port, Uri target, int seed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var proxy = new FaultProxy(app, target, seed);
        app.Run(proxy.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return proxy;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var kind = MeshCallClassifier.Classify(context.Request.Method, context.Request.Path.Value ?? "/");
        var fault = Draw();
        if (fault is { } f)
        {
            _injected.AddOrUpdate((kind, f), 1, (_, n) => n + 1);
        }

        switch (fault)
        {
            case ProxyFault.Error500:
            case ProxyFault.Error502:
                context.Response.StatusCode = fault == ProxyFault.Error500 ? 500 : 502;
                return;
            case ProxyFault.Timeout:
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                return;
        }

        try
        {
            await ForwardAsync(context, answer: fault is null).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // MESH is down (killed): what a client sees from a gateway in front of a dead server.
            context.Response.StatusCode = 502;
        }
        catch (TaskCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = 504;
        }
    }

    private ProxyFault? Draw()
    {
        lock (_gate)
        {
            if (FaultRate <= 0 || _random.NextDouble() >= FaultRate)
            {
                return null;
            }

            return (ProxyFault)_random.Next(4);
        }
    }

    private async Task ForwardAsync(HttpContext context, bool answer)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_target, context.Request.Path + context.Request.QueryString));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        if (!answer)
        {
            context.Response.StatusCode = 500;
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
