using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Itk3.Mesh.Benchmarks;

/// <summary>
/// The <c>floor</c> mode for <c>serve-probe.sh</c>: the smallest Kestrel file store (empty builder, no protocol, no
/// tokens, no JSON) speaking the probe's Python-store paths, to show what any .NET Kestrel process costs on this runtime.
/// </summary>
internal static class FloorServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[0], CultureInfo.InvariantCulture);
        var root = args[1];
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(System.Net.IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok());
        app.MapPost("/m/{n}", async (HttpContext context, string n) =>
        {
            await using (var file = new FileStream(Path.Combine(root, n), FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await context.Request.Body.CopyToAsync(file, context.RequestAborted);
                file.Flush(flushToDisk: true);
            }

            return Results.StatusCode(202);
        });
        app.MapGet("/m/{n}", (string n) => Results.File(Path.Combine(root, n), "application/octet-stream"));
        await app.RunAsync();
        return 0;
    }
}
