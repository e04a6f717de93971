using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Itk3.Dashboard.Pages;

/// <summary>GET /assets/dashboard.css and /assets/dashboard.js from the assembly's embedded resources (no file system, no build step).</summary>
internal static class AssetEndpoints
{
    /// <summary>Maps the two assets (open: the login page uses them).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var css = Read("dashboard.css");
        var js = Read("dashboard.js");
        app.MapGet("/assets/dashboard.css", (HttpContext c) => Serve(c, css, "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/assets/dashboard.js", (HttpContext c) => Serve(c, js, "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, byte[] content, string type)
    {
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(content, type);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("Itk3.Dashboard.Assets." + name)
            ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
