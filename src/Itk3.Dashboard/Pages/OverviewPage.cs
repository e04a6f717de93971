using System.Globalization;
using Itk3.Dashboard.Rendering;
using Itk3.Gateway.Application;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Itk3.Messaging.Codes;
using Microsoft.AspNetCore.Http;

namespace Itk3.Dashboard.Pages;

/// <summary>GET / and GET /overview/panel: numbers and charts, refreshed every 10 seconds by the panel fragment.</summary>
internal static class OverviewPage
{
    /// <summary>The whole page.</summary>
    public static async Task<IResult> PageAsync(HttpContext context, IGatewayQueries queries, IGatewayApplication app, TimeProvider clock, CancellationToken ct)
    {
        var panel = await PanelHtmlAsync(queries, app, clock, ct).ConfigureAwait(false);
        var body = "<h1>Overview</h1><div id=\"overview\" data-refresh=\"/overview/panel\" data-every=\"10\" aria-live=\"polite\">" + panel + "</div>";
        return Layout.Page(context, "Overview", "Overview", body);
    }

    /// <summary>The refreshable part only.</summary>
    public static async Task<IResult> PanelAsync(IGatewayQueries queries, IGatewayApplication app, TimeProvider clock, CancellationToken ct) =>
        Results.Content(await PanelHtmlAsync(queries, app, clock, ct).ConfigureAwait(false), "text/html; charset=utf-8");

    private static async Task<string> PanelHtmlAsync(IGatewayQueries queries, IGatewayApplication app, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overview = await queries.GetOverviewAsync(now, ct).ConfigureAwait(false);
        var health = await app.GetHealthAsync(ct).ConfigureAwait(false);
        var html = new Html().Raw("<div class=\"cards\">");
        Card(html, "Open transactions", Count(health.OpenTransactions), null);
        Card(html, "Need attention", Count(health.NeedingAttention), "/attention");
        Card(html, "Sends waiting", Count(overview.Outbox.Count), Oldest(overview.Outbox, now));
        Card(html, "Deliveries waiting", Count(overview.Deliveries.Count), Oldest(overview.Deliveries, now));
        Card(html, "MESH", health.MeshReachable ? "reachable" : "unreachable", overview.LastReceivedAt is { } r ? "last received " + Html.Age(now - r) + " ago" : "nothing received yet");
        Card(html, "Last send accepted", overview.LastSentAt is { } s ? Html.Age(now - s) + " ago" : "none", null);
        html.Raw("</div><div class=\"panels\">");
        html.Raw("<section class=\"panel\" aria-labelledby=\"by-state\"><h2 id=\"by-state\">Transactions by state</h2>")
            .Raw(BarChart.Render("Transactions by state", [.. overview.TransactionsByState.Select(p => (p.Key.ToString(), p.Value, Colour(p.Key)))]))
            .Raw("</section>");
        html.Raw("<section class=\"panel\" aria-labelledby=\"by-code\"><h2 id=\"by-code\">Responses received by ITK code (24 h)</h2>")
            .Raw(BarChart.Render("Responses by ITK code, last 24 hours", [.. overview.ResponsesByCode.Select(p => (p.Key, p.Value, IsPositive(p.Key) ? "#0f5d2a" : "#a4161a"))]))
            .Raw("</section>");
        Flows(html, overview);
        html.Raw("</div><p class=\"muted\">Updated ").Time(now).Raw(" (UTC); refreshes every 10 seconds.</p>");
        return html.ToString();
    }

    private static void Flows(Html html, GatewayOverview overview)
    {
        html.Raw("<section class=\"panel\" aria-labelledby=\"flows\"><h2 id=\"flows\">Messages per flow</h2>")
            .Raw(BarChart.Render("Messages sent and received per flow, last 24 hours", [.. overview.Flows.Select(f => (f.Flow, f.SentLastDay + f.ReceivedLastDay, "#0b5cad"))]))
            .Raw("<div class=\"table-wrap\"><table><caption>Sent and received per flow</caption><thead><tr><th scope=\"col\">Flow</th>")
            .Raw("<th scope=\"col\" class=\"num\">Out, 1 h</th><th scope=\"col\" class=\"num\">Out, 24 h</th><th scope=\"col\" class=\"num\">In, 1 h</th><th scope=\"col\" class=\"num\">In, 24 h</th></tr></thead><tbody>");
        foreach (var flow in overview.Flows)
        {
            html.Raw("<tr>").Element("th", flow.Flow, "scope=\"row\" class=\"mono\"")
                .Element("td", Count(flow.SentLastHour), "class=\"num\"").Element("td", Count(flow.SentLastDay), "class=\"num\"")
                .Element("td", Count(flow.ReceivedLastHour), "class=\"num\"").Element("td", Count(flow.ReceivedLastDay), "class=\"num\"").Raw("</tr>");
        }

        html.Raw("</tbody></table></div></section>");
    }

    private static void Card(Html html, string label, string value, string? note)
    {
        html.Raw("<div class=\"card\">").Element("div", value, "class=\"value\"").Element("div", label, "class=\"label\"");
        if (note is { Length: > 0 } && note.StartsWith('/'))
        {
            html.Raw("<div>").Link(note, "Review").Raw("</div>");
        }
        else if (note is { Length: > 0 })
        {
            html.Element("div", note, "class=\"label\"");
        }

        html.Raw("</div>");
    }

    private static string Oldest(QueueDepth depth, DateTimeOffset now) => depth.OldestAt is { } at ? "oldest " + Html.Age(now - at) : "none waiting";

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static bool IsPositive(string code) => ResponseCodes.TryGet(code, out var known) && known.IsPositive;

    private static string Colour(TransactionState state) => state switch
    {
        TransactionState.Complete => "#0f5d2a",
        TransactionState.Failed or TransactionState.TimedOut => "#a4161a",
        _ => "#6b4b00",
    };
}
