using Itk3.Dashboard.Rendering;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Microsoft.AspNetCore.Http;

namespace Itk3.Dashboard.Pages;

/// <summary>GET /mailbox: MESH inbox and outbox activity (latest 50 each) and the MESH reports among the latest received (undelivered, expiry, routing errors).</summary>
internal static class MailboxPage
{
    private const int Take = 50;

    /// <summary>Renders the page.</summary>
    public static async Task<IResult> RenderAsync(HttpContext context, IGatewayQueries queries, CancellationToken ct)
    {
        var inbox = await queries.ListInboundAsync(new ListFilter<InboundState> { Take = 200 }, ct).ConfigureAwait(false);
        var outbox = await queries.ListOutboxAsync(new ListFilter<OutboxState> { Take = Take }, ct).ConfigureAwait(false);
        var html = new Html().Raw("<h1>Mailbox</h1>");
        Reports(html, [.. inbox.Items.Where(m => string.Equals(m.MeshMessageType, "REPORT", StringComparison.OrdinalIgnoreCase))]);
        html.Raw("<h2>Inbox: received from MESH</h2><div class=\"table-wrap\"><table><caption>Latest received, newest first (").Text($"{inbox.Total:N0} in all").Raw(")</caption><thead><tr>")
            .Raw("<th scope=\"col\">Received (UTC)</th><th scope=\"col\">MESH message</th><th scope=\"col\">From</th><th scope=\"col\">Workflow</th><th scope=\"col\">Type</th><th scope=\"col\">State</th><th scope=\"col\">Acknowledged</th></tr></thead><tbody>");
        foreach (var m in inbox.Items.Take(Take))
        {
            html.Raw("<tr><td>").Time(m.ReceivedAt).Raw("</td><td>").Link("/messages/inbound/" + Html.Segment(m.MeshMessageId), m.MeshMessageId, "class=\"mono\"").Raw("</td>")
                .Element("td", m.SenderMailbox, "class=\"mono\"").Element("td", m.WorkflowId ?? "–", "class=\"mono\"").Element("td", m.MeshMessageType ?? "DATA")
                .Raw("<td>").Badge(m.State.ToString()).Raw("</td><td>").Time(m.AcknowledgedAt).Raw("</td></tr>");
        }

        html.Raw(inbox.Items.Count == 0 ? "<tr><td colspan=\"7\">Nothing received yet.</td></tr>" : string.Empty).Raw("</tbody></table></div>");
        html.Raw("<h2>Outbox: sent to MESH</h2><div class=\"table-wrap\"><table><caption>Latest sends, newest first (").Text($"{outbox.Total:N0} in all").Raw(")</caption><thead><tr>")
            .Raw("<th scope=\"col\">Queued (UTC)</th><th scope=\"col\">To</th><th scope=\"col\">Workflow</th><th scope=\"col\">State</th><th scope=\"col\">MESH message</th><th scope=\"col\">Sent</th><th scope=\"col\">Message</th></tr></thead><tbody>");
        foreach (var o in outbox.Items)
        {
            html.Raw("<tr><td>").Time(o.CreatedAt).Raw("</td>").Element("td", o.RecipientMailbox, "class=\"mono\"").Element("td", o.WorkflowId, "class=\"mono\"")
                .Raw("<td>").Badge(o.State.ToString()).Raw("</td>").Element("td", o.MeshMessageId ?? "–", "class=\"mono\"").Raw("<td>").Time(o.State == OutboxState.Sent ? o.CompletedAt : null)
                .Raw("</td><td>").Link("/messages/outbox/" + Html.Segment(o.Id), "View").Raw("</td></tr>");
        }

        html.Raw(outbox.Items.Count == 0 ? "<tr><td colspan=\"7\">Nothing sent yet.</td></tr>" : string.Empty).Raw("</tbody></table></div>");
        return Layout.Page(context, "Mailbox", "Mailbox", html.ToString());
    }

    private static void Reports(Html html, IReadOnlyList<InboundMessage> reports)
    {
        html.Raw("<h2>MESH reports</h2>");
        if (reports.Count == 0)
        {
            html.Element("p", "No undelivered, expiry or routing-error reports among the latest 200 received messages.", "class=\"muted\"");
            return;
        }

        html.Raw("<div class=\"table-wrap\"><table><caption>Reports (undelivered, expiry, EPL routing errors)</caption><thead><tr><th scope=\"col\">Received (UTC)</th><th scope=\"col\">Report</th><th scope=\"col\">About MESH message</th><th scope=\"col\">Detail</th><th scope=\"col\">Transaction</th></tr></thead><tbody>");
        foreach (var r in reports)
        {
            html.Raw("<tr><td>").Time(r.ReceivedAt).Raw("</td><td>").Link("/messages/inbound/" + Html.Segment(r.MeshMessageId), r.MeshMessageId, "class=\"mono\"").Raw("</td>")
                .Element("td", r.LinkedMessageId ?? "–", "class=\"mono\"").Element("td", r.Detail ?? r.Subject ?? string.Empty).Raw("<td>");
            if (r.TransactionId is { } t)
            {
                html.Link("/transactions/" + Html.Segment(t), t, "class=\"mono\"");
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div>");
    }
}
