using Itk3.Dashboard.Rendering;
using Itk3.Dashboard.Security;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Itk3.Messaging.Codes;
using Microsoft.AspNetCore.Http;

namespace Itk3.Dashboard.Pages;

/// <summary>GET /attention: what is stuck or went wrong, with the operator's actions (requeue, resolve with a note, report a business outcome).</summary>
internal static class AttentionPage
{
    private const int Take = 50;

    /// <summary>Renders every needs-attention list (up to 50 each, newest first).</summary>
    public static async Task<IResult> RenderAsync(HttpContext context, IGatewayQueries queries, CancellationToken ct)
    {
        var operate = DashboardAuth.CanOperate(context.User);
        var token = Layout.Token(context);
        var html = new Html().Raw("<h1>Needs attention</h1>");
        Notice(html, context.Request.Query["done"].ToString());
        if (!operate)
        {
            html.Element("p", "Your key holds read only: the actions need the operate scope.", "class=\"notice\"");
        }

        var outbox = await queries.ListOutboxAsync(new ListFilter<OutboxState> { NeedsAttention = true, Take = Take }, ct).ConfigureAwait(false);
        Queue(html, "Sends waiting or given up", "outbox", outbox.Total, [.. outbox.Items.Select(i => new QueueRow(i.Id, i.State.ToString(), i.Attempts, i.LastError, i.CreatedAt, i.TransactionId, i.WorkflowId))], operate, token);
        var deliveries = await queries.ListDeliveriesAsync(new ListFilter<DeliveryState> { NeedsAttention = true, Take = Take }, ct).ConfigureAwait(false);
        Queue(html, "Deliveries to the application waiting or given up", "deliveries", deliveries.Total, [.. deliveries.Items.Select(i => new QueueRow(i.Id, i.State.ToString(), i.Attempts, i.LastError, i.CreatedAt, null, i.InboundMeshMessageId))], operate, token);
        var transactions = await queries.ListTransactionsAsync(new ListFilter<TransactionState> { NeedsAttention = true, Take = Take }, ct).ConfigureAwait(false);
        Transactions(html, transactions, operate, token);
        var inbound = await queries.ListInboundAsync(new ListFilter<InboundState> { NeedsAttention = true, Take = Take }, ct).ConfigureAwait(false);
        Received(html, inbound, operate, token);
        var delivered = await queries.ListInboundAsync(new ListFilter<InboundState> { States = [InboundState.DeliveredToApplication], Take = Take }, ct).ConfigureAwait(false);
        Outcomes(html, [.. delivered.Items.Where(m => m.Detail == InboundDetails.AwaitingOutcome)], operate, token);
        return Layout.Page(context, "Needs attention", "Needs attention", html.ToString());
    }

    private static void Queue(Html html, string title, string queue, int total, IReadOnlyList<QueueRow> rows, bool operate, string token)
    {
        html.Raw($"<section aria-labelledby=\"{queue}-title\"><h2 id=\"{queue}-title\">").Text($"{title} ({total:N0})").Raw("</h2>");
        if (rows.Count == 0)
        {
            html.Element("p", "Nothing waiting.", "class=\"muted\"").Raw("</section>");
            return;
        }

        html.Raw("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Queued (UTC)</th><th scope=\"col\">Item</th><th scope=\"col\">State</th><th scope=\"col\" class=\"num\">Attempts</th><th scope=\"col\">Last error</th><th scope=\"col\">Belongs to</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Raw("<tr><td>").Time(row.CreatedAt).Raw("</td>").Element("td", row.Id, "class=\"mono\"").Raw("<td>").Badge(row.State).Raw("</td>")
                .Element("td", row.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), "class=\"num\"").Element("td", row.LastError ?? "–", "class=\"mono\"").Raw("<td>");
            if (row.TransactionId is { } t)
            {
                html.Link("/transactions/" + Html.Segment(t), t, "class=\"mono\"");
            }
            else if (queue == "deliveries" && row.Context is { } m)
            {
                html.Link("/messages/inbound/" + Html.Segment(m), m, "class=\"mono\"");
            }
            else
            {
                html.Element("span", row.Context ?? string.Empty, "class=\"mono\"");
            }

            html.Raw("</td><td>");
            if (operate)
            {
                var action = $"/actions/{queue}/{Html.Segment(row.Id)}";
                html.Raw("<div class=\"actions\">")
                    .Raw($"<form method=\"post\" action=\"{action}/requeue\">{token}<button type=\"submit\" aria-label=\"Requeue {Html.Attr(row.Id)}\">Requeue</button></form>");
                NoteForm(html, action + "/resolve", row.Id, token);
                html.Raw("</div>");
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div></section>");
    }

    private static void Transactions(Html html, Page<OutboundTransaction> page, bool operate, string token)
    {
        html.Raw("<section aria-labelledby=\"tx-title\"><h2 id=\"tx-title\">").Text($"Transactions failed or timed out ({page.Total:N0})").Raw("</h2>");
        html.Raw("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Created (UTC)</th><th scope=\"col\">Transaction</th><th scope=\"col\">State</th><th scope=\"col\">Why</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
        foreach (var t in page.Items)
        {
            html.Raw("<tr><td>").Time(t.CreatedAt).Raw("</td><td>").Link("/transactions/" + Html.Segment(t.Id), t.Id, "class=\"mono\"").Raw("</td><td>").Badge(t.State.ToString()).Raw("</td><td>");
            CodeExplanation.Render(html, t.FailureCode).Raw(" ").Text(t.FailureDetail).Raw("</td><td>");
            if (operate)
            {
                NoteForm(html, $"/actions/transactions/{Html.Segment(t.Id)}/resolve", t.Id, token);
            }

            html.Raw("</td></tr>");
        }

        html.Raw(page.Items.Count == 0 ? "<tr><td colspan=\"5\">None.</td></tr>" : string.Empty).Raw("</tbody></table></div></section>");
    }

    private static void Received(Html html, Page<InboundMessage> page, bool operate, string token)
    {
        html.Raw("<section aria-labelledby=\"in-title\"><h2 id=\"in-title\">").Text($"Received messages rejected or dead-lettered ({page.Total:N0})").Raw("</h2>");
        html.Raw("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Received (UTC)</th><th scope=\"col\">MESH message</th><th scope=\"col\">From</th><th scope=\"col\">Outcome</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
        foreach (var m in page.Items)
        {
            html.Raw("<tr><td>").Time(m.ReceivedAt).Raw("</td><td>").Link("/messages/inbound/" + Html.Segment(m.MeshMessageId), m.MeshMessageId, "class=\"mono\"").Raw("</td>")
                .Element("td", m.SenderMailbox, "class=\"mono\"").Raw("<td>").Badge(m.State.ToString()).Raw(" ");
            CodeExplanation.Render(html, m.ItkCode).Raw("</td><td>");
            if (operate)
            {
                NoteForm(html, $"/actions/messages/{Html.Segment(m.MeshMessageId)}/resolve", m.MeshMessageId, token);
            }

            html.Raw("</td></tr>");
        }

        html.Raw(page.Items.Count == 0 ? "<tr><td colspan=\"5\">None.</td></tr>" : string.Empty).Raw("</tbody></table></div></section>");
    }

    private static void Outcomes(Html html, IReadOnlyList<InboundMessage> waiting, bool operate, string token)
    {
        html.Raw("<section aria-labelledby=\"outcome-title\"><h2 id=\"outcome-title\">").Text($"Awaiting a business outcome ({waiting.Count:N0})").Raw("</h2>");
        if (waiting.Count == 0)
        {
            html.Element("p", "No delivered message awaits an outcome.", "class=\"muted\"").Raw("</section>");
            return;
        }

        html.Raw("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Received (UTC)</th><th scope=\"col\">MESH message</th><th scope=\"col\">Flow</th><th scope=\"col\">Report the outcome</th></tr></thead><tbody>");
        foreach (var m in waiting)
        {
            html.Raw("<tr><td>").Time(m.ReceivedAt).Raw("</td><td>").Link("/messages/inbound/" + Html.Segment(m.MeshMessageId), m.MeshMessageId, "class=\"mono\"").Raw("</td>")
                .Element("td", m.Flow ?? m.WorkflowId ?? "–", "class=\"mono\"").Raw("<td>");
            if (operate)
            {
                OutcomeForm(html, m.MeshMessageId, token);
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div></section>");
    }

    private static void NoteForm(Html html, string action, string id, string token)
    {
        var field = "note-" + ((uint)StringComparer.Ordinal.GetHashCode(action)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        html.Raw($"<form method=\"post\" action=\"{action}\">{token}<div><label for=\"{field}\">Note</label>")
            .Raw($"<input id=\"{field}\" name=\"note\" required maxlength=\"500\" placeholder=\"why no more work is needed\"></div>")
            .Raw($"<button type=\"submit\" class=\"secondary\" aria-label=\"Resolve {Html.Attr(id)}\">Resolve</button></form>");
    }

    private static void OutcomeForm(Html html, string id, string token)
    {
        var field = "code-" + Html.Attr(id);
        html.Raw($"<div class=\"actions\"><form method=\"post\" action=\"/actions/messages/{Html.Segment(id)}/outcome\">{token}<div><label for=\"{field}\">Outcome</label><select id=\"{field}\" name=\"code\">");
        foreach (var code in ResponseCodes.All.Where(c => c.Level == Itk3.Messaging.Codes.ResponseLevel.Business && !c.IsWithdrawn))
        {
            html.Raw($"<option value=\"{Html.Attr(code.Code)}\">").Text($"{code.Code} {code.Display}").Raw("</option>");
        }

        html.Raw($"</select></div><div><label for=\"diag-{Html.Attr(id)}\">Diagnostics (optional)</label><input id=\"diag-{Html.Attr(id)}\" name=\"diagnostics\" maxlength=\"500\"></div>")
            .Raw($"<button type=\"submit\" aria-label=\"Report outcome for {Html.Attr(id)}\">Report</button></form></div>");
    }

    private static void Notice(Html html, string done)
    {
        var text = done switch
        {
            "requeued" => "Requeued: it is due now.",
            "resolved" => "Resolved; the note is on record.",
            "reported" => "Outcome reported; the business response is queued.",
            "conflict" => "Nothing changed: the item is no longer waiting (sent, delivered, resolved, or being attempted right now).",
            "missing" => "Nothing changed: that item no longer exists.",
            "invalid" => "Nothing changed: a note is required (at most 500 characters) and the outcome must be a business code.",
            _ => null,
        };
        if (text is not null)
        {
            html.Raw($"<p class=\"notice {(done is "requeued" or "resolved" or "reported" ? "ok" : "error")}\" role=\"status\">").Text(text).Raw("</p>");
        }
    }

    private sealed record QueueRow(string Id, string State, int Attempts, string? LastError, DateTimeOffset CreatedAt, string? TransactionId, string? Context);
}
