using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Itk3.Dashboard.Rendering;

/// <summary>The page shell (skip link, header with navigation and the signed-in key's name, main landmark) and the form token.</summary>
internal static class Layout
{
    private static readonly (string Href, string Label)[] Navigation =
        [("/", "Overview"), ("/transactions", "Transactions"), ("/attention", "Needs attention"), ("/mailbox", "Mailbox")];

    /// <summary>A full page; <paramref name="current"/> is the navigation entry to mark.</summary>
    public static IResult Page(HttpContext context, string title, string current, string body, int status = StatusCodes.Status200OK)
    {
        var html = new Html()
            .Raw("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Element("title", $"{title} · itk3").Raw("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\"></head><body>")
            .Raw("<a class=\"skip\" href=\"#main\">Skip to content</a>");
        if (context.User.Identity?.IsAuthenticated == true)
        {
            Header(html, context, current);
        }

        html.Raw("<main id=\"main\" tabindex=\"-1\">").Raw(body).Raw("</main><script src=\"/assets/dashboard.js\" defer></script></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The hidden antiforgery field every POST form carries.</summary>
    public static string Token(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Html.Attr(tokens.FormFieldName)}\" value=\"{Html.Attr(tokens.RequestToken)}\">";
    }

    /// <summary>The name the session's key has (who is recorded on actions).</summary>
    public static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static void Header(Html html, HttpContext context, string current)
    {
        html.Raw("<header class=\"top\"><a class=\"brand\" href=\"/\">itk3 node</a><nav aria-label=\"Main\"><ul>");
        foreach (var (href, label) in Navigation)
        {
            html.Raw("<li>").Link(href, label, label == current ? "aria-current=\"page\"" : string.Empty).Raw("</li>");
        }

        html.Raw("</ul></nav><div class=\"who\"><span>Signed in as <strong>").Text(Who(context.User)).Raw("</strong></span>")
            .Raw("<form method=\"post\" action=\"/logout\">").Raw(Token(context)).Raw("<button type=\"submit\">Sign out</button></form></div></header>");
    }
}
