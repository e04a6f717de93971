using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Benchmarks;

/// <summary>
/// The baseline: a minimal file-backed HTTP store on Kestrel with no MESH protocol (no token, no headers, no
/// metadata): POST stores the body in a file, GET lists or streams it back, PUT deletes it.
/// </summary>
internal sealed class RawServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private RawServer(WebApplication app, string directory, Uri baseAddress)
    {
        _app = app;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<RawServer> StartAsync(string root)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, "itk3-raw-bench-" + Environment.ProcessId)).FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = null).UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        Map(app, directory);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RawServer(app, directory, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static void Map(WebApplication app, string directory)
    {
        var ids = 0L;
        var inbox = new ConcurrentDictionary<string, byte>();
        app.MapPost("/raw/outbox", async (HttpContext context) =>
        {
            var id = Interlocked.Increment(ref ids).ToString(CultureInfo.InvariantCulture);
            await using (var file = new FileStream(Path.Combine(directory, id), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await context.Request.Body.CopyToAsync(file, context.RequestAborted);
            }

            inbox[id] = 0;
            return Results.Text(id);
        });
        app.MapGet("/raw/inbox", () => Results.Json(inbox.Keys.ToArray()));
        app.MapGet("/raw/inbox/{id}", (string id) => Results.File(Path.Combine(directory, id), "application/octet-stream"));
        app.MapPut("/raw/inbox/{id}/ack", (string id) =>
        {
            inbox.TryRemove(id, out _);
            File.Delete(Path.Combine(directory, id));
            return Results.Ok();
        });
    }
}
