using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Chaos.Recording;

/// <summary>The local application behind the receiving node: a callback receiver that records each delivery with its
/// <c>Idempotency-Key</c> and queues business outcome 30001 for it; it can be switched down (not listening) or failing (500).</summary>
internal sealed partial class RecordingApplication(int port) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private WebApplication? _app;

    /// <summary>The callback URL to configure on the node.</summary>
    public Uri CallbackUrl { get; } = new($"http://127.0.0.1:{port}/itk3/inbound");

    /// <summary>The deliveries taken.</summary>
    public DeliveryLog Log { get; } = new();

    /// <summary>MESH message ids of taken deliveries whose business outcome is still to report.</summary>
    public Channel<string> Outcomes { get; } = Channel.CreateUnbounded<string>();

    /// <summary>The current behaviour.</summary>
    public ApplicationMode Mode { get; private set; } = ApplicationMode.Down;

    /// <summary>Switches the behaviour (starting or stopping the listener as needed).</summary>
    public async Task SetModeAsync(ApplicationMode mode)
    {
        if (mode == ApplicationMode.Down)
        {
            await StopAsync().ConfigureAwait(false);
        }
        else if (_app is null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
            var app = builder.Build();
            app.MapPost("/itk3/inbound", (Delegate)HandleAsync);
            await app.StartAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _app = app;
            }
        }

        Mode = mode;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StopAsync()
    {
        WebApplication? app;
        lock (_gate)
        {
            app = _app;
            _app = null;
        }

        if (app is not null)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        if (Mode != ApplicationMode.Up)
        {
            return Results.StatusCode(500);
        }

        using var body = new StreamReader(context.Request.Body);
        var text = await body.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var documentId = DocumentId().Match(text) is { Success: true } m ? m.Value : null;
        Log.Record(documentId, context.Request.Headers["Idempotency-Key"].ToString());
        await Outcomes.Writer.WriteAsync(context.Request.Headers["X-Mesh-Message-Id"].ToString(), context.RequestAborted).ConfigureAwait(false);
        return Results.Ok();
    }

    /// <summary>The document ids the tool gives its payloads (<see cref="Payloads"/>).</summary>
    [GeneratedRegex("[0-9a-f]{8}-c4a0-4000-8000-[0-9a-f]{12}")]
    private static partial Regex DocumentId();
}
