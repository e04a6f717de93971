using Itk3.Dashboard.Rendering;
using Itk3.Dashboard.Security;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Itk3.Dashboard.Pages;

/// <summary>GET/POST /login (an API key of <c>read</c> scope opens a cookie session), POST /logout, GET /denied.</summary>
internal static partial class LoginPage
{
    /// <summary>Maps the routes (open: they are how one gets in).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context) => Render(context, null, StatusCodes.Status200OK)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", LoginAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(DashboardAuth.Scheme).ConfigureAwait(false);
            return Results.Redirect("/login");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/denied", (HttpContext context) => Layout.Page(context, "Not allowed", string.Empty,
            "<h1>Not allowed</h1><p>Your API key does not hold the <strong>operate</strong> scope this needs. Ask for a key with it, or go back.</p>",
            StatusCodes.Status403Forbidden)).ExcludeFromDescription();
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context, [FromForm] string? apiKey, [FromForm] string? returnUrl, ApiKeyVerifier verifier, ILoggerFactory loggers)
    {
        var key = verifier.Find(apiKey?.Trim());
        if (key is null || !ApiScopes.Effective(key.Scopes).Contains(ApiScopes.Read))
        {
            LoginRefused(loggers.CreateLogger("Itk3.Dashboard"), key is null ? "unknown key" : "no read scope");
            return Render(context, key is null ? "That API key is not configured on this node." : "That API key does not hold the read scope.", StatusCodes.Status401Unauthorized);
        }

        var principal = ApiKeyPrincipal.Create(key, DashboardAuth.Scheme);
        await context.SignInAsync(DashboardAuth.Scheme, principal).ConfigureAwait(false);
        LoggedIn(loggers.CreateLogger("Itk3.Dashboard"), key.Name);
        return Results.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
    }

    private static IResult Render(HttpContext context, string? error, int status)
    {
        var returnUrl = context.Request.Query["returnUrl"].ToString();
        var html = new Html().Raw("<div class=\"login\"><h1>Sign in to the itk3 node</h1>");
        if (error is not null)
        {
            html.Raw("<p class=\"notice error\" role=\"alert\">").Text(error).Raw("</p>");
        }

        html.Raw("<form method=\"post\" action=\"/login\">").Raw(Layout.Token(context))
            .Raw($"<input type=\"hidden\" name=\"returnUrl\" value=\"{Html.Attr(returnUrl)}\">")
            .Raw("<div><label for=\"apiKey\">API key</label><input id=\"apiKey\" name=\"apiKey\" type=\"password\" autocomplete=\"current-password\" required autofocus></div>")
            .Raw("<p class=\"muted\">A key from the node's <code>apiKeys</code> with the <strong>read</strong> scope; actions need <strong>operate</strong>.</p>")
            .Raw("<button type=\"submit\">Sign in</button></form></div>");
        return Layout.Page(context, "Sign in", string.Empty, html.ToString(), status);
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Dashboard sign-in refused: {Reason}")]
    private static partial void LoginRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Dashboard sign-in by key {KeyName}")]
    private static partial void LoggedIn(ILogger logger, string keyName);
}
