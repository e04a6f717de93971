using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Benchmarks;

/// <summary>
/// A MESH-shaped server that stores nothing and checks nothing: canned answers for send, list, download and
/// acknowledge. Driving it with our client and with a bare HttpClient isolates the client's own cost.
/// </summary>
internal sealed class StubMeshServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubMeshServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<StubMeshServer> StartAsync(byte[] payload, int inboxSize)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var inbox = "{\"messages\":[" + string.Join(',', Enumerable.Range(0, inboxSize).Select(i => $"\"M{i}\"")) + "]}";
        app.MapPost("/messageexchange/{mb}/outbox", async (HttpContext c) =>
        {
            await c.Request.Body.CopyToAsync(Stream.Null);
            c.Response.StatusCode = 202;
            await c.Response.WriteAsync("{\"message_id\":\"M0\"}");
        });
        app.MapGet("/messageexchange/{mb}/inbox", () => Results.Text(inbox, "application/vnd.mesh.v2+json"));
        app.MapGet("/messageexchange/{mb}/inbox/{id}", async (HttpContext c, string id) =>
        {
            c.Response.Headers["mex-MessageID"] = id;
            c.Response.Headers["mex-MessageType"] = "DATA";
            c.Response.Headers["mex-Chunk-Range"] = "1:1";
            c.Response.ContentLength = payload.Length;
            await c.Response.Body.WriteAsync(payload);
        });
        app.MapPut("/messageexchange/{mb}/inbox/{id}/status/acknowledged", () => Results.Ok());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StubMeshServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
