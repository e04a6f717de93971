using Itk3.Dashboard.Rendering;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Microsoft.AspNetCore.Http;

namespace Itk3.Dashboard.Pages;

/// <summary>GET/POST /transactions: sent transactions or received messages, newest first, filtered and paged in the store.</summary>
internal static class TransactionsPage
{
    /// <summary>Renders the filter form and one page of results.</summary>
    public static async Task<IResult> RenderAsync(HttpContext context, IGatewayQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var filter = await TransactionFilter.ReadAsync(context.Request, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var html = new Html().Raw("<h1>Transactions</h1><form class=\"filters\" method=\"post\" action=\"/transactions\">").Raw(Layout.Token(context));
        Filters(html, filter);
        int total;
        if (filter.Direction == "in")
        {
            var page = await queries.ListInboundAsync(filter.ToFilter<InboundState>(now), ct).ConfigureAwait(false);
            total = page.Total;
            Received(html, page.Items);
        }
        else
        {
            var page = await queries.ListTransactionsAsync(filter.ToFilter<TransactionState>(now), ct).ConfigureAwait(false);
            total = page.Total;
            Sent(html, page.Items);
        }

        Pager(html, filter.Page, total);
        html.Raw("</form>");
        return Layout.Page(context, "Transactions", "Transactions", html.ToString());
    }

    private static void Filters(Html html, TransactionFilter filter)
    {
        Select(html, "direction", "Direction", [("out", "Sent (transactions)"), ("in", "Received (messages)")], filter.Direction);
        Select(html, "state", "State", [("", "Any state"), .. filter.StateNames.Select(s => (s, s))], filter.State);
        Input(html, "flow", "Flow (workflow id)", filter.Flow);
        Select(html, "period", "Period", [.. TransactionFilter.Periods.Select(p => (p.Value, p.Label))], filter.Period);
        Input(html, "recipient", filter.Direction == "in" ? "From mailbox" : "Recipient", filter.Recipient);
        Input(html, "q", "Id (transaction, MESH, message)", filter.Search);
        html.Raw("<div class=\"check\"><input type=\"checkbox\" id=\"attention\" name=\"attention\"").Raw(filter.Attention ? " checked" : string.Empty)
            .Raw("><label for=\"attention\">Needs attention only</label></div><div><button type=\"submit\" name=\"page\" value=\"1\">Apply filters</button></div>");
    }

    private static void Sent(Html html, IReadOnlyList<OutboundTransaction> items)
    {
        html.Raw("<div class=\"table-wrap\" style=\"grid-column: 1 / -1\"><table><caption>Transactions sent, newest first</caption><thead><tr>")
            .Raw("<th scope=\"col\">Created (UTC)</th><th scope=\"col\">Transaction</th><th scope=\"col\">State</th><th scope=\"col\">Flow</th><th scope=\"col\">Recipient</th><th scope=\"col\">MESH message</th></tr></thead><tbody>");
        foreach (var t in items)
        {
            html.Raw("<tr><td>").Time(t.CreatedAt).Raw("</td><td>").Link("/transactions/" + Html.Segment(t.Id), t.Id, "class=\"mono\"").Raw("</td><td>").Badge(t.State.ToString())
                .Raw("</td>").Element("td", t.Flow, "class=\"mono\"").Element("td", t.Recipient, "class=\"mono\"").Element("td", t.MeshMessageId ?? "–", "class=\"mono\"").Raw("</tr>");
        }

        Empty(html, items.Count, 6);
    }

    private static void Received(Html html, IReadOnlyList<InboundMessage> items)
    {
        html.Raw("<div class=\"table-wrap\" style=\"grid-column: 1 / -1\"><table><caption>Messages received, newest first</caption><thead><tr>")
            .Raw("<th scope=\"col\">Received (UTC)</th><th scope=\"col\">MESH message</th><th scope=\"col\">State</th><th scope=\"col\">Flow</th><th scope=\"col\">From</th><th scope=\"col\">ITK code</th><th scope=\"col\">Transaction</th></tr></thead><tbody>");
        foreach (var m in items)
        {
            html.Raw("<tr><td>").Time(m.ReceivedAt).Raw("</td><td>").Link("/messages/inbound/" + Html.Segment(m.MeshMessageId), m.MeshMessageId, "class=\"mono\"")
                .Raw("</td><td>").Badge(m.State.ToString()).Raw("</td>").Element("td", m.Flow ?? m.WorkflowId ?? "–", "class=\"mono\"")
                .Element("td", m.SenderMailbox, "class=\"mono\"").Element("td", m.ItkCode ?? "–", "class=\"mono\"").Raw("<td>");
            if (m.TransactionId is { } id)
            {
                html.Link("/transactions/" + Html.Segment(id), id, "class=\"mono\"");
            }

            html.Raw("</td></tr>");
        }

        Empty(html, items.Count, 7);
    }

    private static void Empty(Html html, int count, int columns)
    {
        if (count == 0)
        {
            html.Raw($"<tr><td colspan=\"{columns}\">Nothing matches these filters.</td></tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static void Pager(Html html, int page, int total)
    {
        var pages = Math.Max(1, (total + TransactionFilter.PageSize - 1) / TransactionFilter.PageSize);
        html.Raw("<nav class=\"pager\" aria-label=\"Pages\" style=\"grid-column: 1 / -1\">");
        if (page > 1)
        {
            html.Raw($"<button type=\"submit\" class=\"secondary\" name=\"page\" value=\"{page - 1}\">Newer</button>");
        }

        html.Element("span", $"Page {page} of {pages} · {total:N0} in all");
        if (page < pages)
        {
            html.Raw($"<button type=\"submit\" class=\"secondary\" name=\"page\" value=\"{page + 1}\">Older</button>");
        }

        html.Raw("</nav>");
    }

    private static void Select(Html html, string name, string label, IReadOnlyList<(string Value, string Label)> options, string selected)
    {
        html.Raw($"<div><label for=\"{name}\">").Text(label).Raw($"</label><select id=\"{name}\" name=\"{name}\">");
        foreach (var (value, text) in options)
        {
            html.Raw($"<option value=\"{Html.Attr(value)}\"{(value == selected ? " selected" : string.Empty)}>").Text(text).Raw("</option>");
        }

        html.Raw("</select></div>");
    }

    private static void Input(Html html, string name, string label, string value) =>
        html.Raw($"<div><label for=\"{name}\">").Text(label).Raw($"</label><input id=\"{name}\" name=\"{name}\" value=\"{Html.Attr(value)}\" autocomplete=\"off\"></div>");
}
