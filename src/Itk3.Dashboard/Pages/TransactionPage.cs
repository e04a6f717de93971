using Itk3.Dashboard.Rendering;
using Itk3.Gateway.Audit;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Itk3.Messaging.Reading;
using Microsoft.AspNetCore.Http;

namespace Itk3.Dashboard.Pages;

/// <summary>GET /transactions/{id}: the facts, handling specification, timeline, responses with diagnostics, messages both ways and operator history.</summary>
internal static class TransactionPage
{
    /// <summary>Renders the page; 404 when unknown.</summary>
    public static async Task<IResult> RenderAsync(HttpContext context, string id, IGatewayQueries queries, CancellationToken ct)
    {
        if (await queries.GetTransactionAsync(id, ct).ConfigureAwait(false) is not { } details)
        {
            return Layout.Page(context, "Not found", "Transactions", "<h1>Transaction not found</h1><p>No transaction has that id.</p>", StatusCodes.Status404NotFound);
        }

        var t = details.Transaction;
        var html = new Html().Raw("<h1>Transaction <span class=\"mono\">").Text(t.Id).Raw("</span> ").Badge(t.State.ToString()).Raw("</h1>");
        Facts(html, t);
        var sent = new List<OutboxItem>();
        foreach (var itemId in details.OutboxItemIds)
        {
            if (await queries.GetOutboxItemAsync(itemId, ct).ConfigureAwait(false) is { } item)
            {
                sent.Add(item);
            }
        }

        var payload = sent.FirstOrDefault(i => i.LocalId == t.MessageHeaderId) ?? sent.FirstOrDefault();
        if (payload is not null && await queries.GetOutboxContentAsync(payload.Id, ct).ConfigureAwait(false) is { } content)
        {
            MessageSummary.Handling(html.Raw("<section class=\"panel\">"), ItkMessageReader.Read(content).Message?.Header?.Handling);
            html.Raw("</section>");
        }

        Timeline(html, details.Timeline);
        var received = await queries.ListInboundAsync(new ListFilter<InboundState> { Search = t.Id, Take = 100 }, ct).ConfigureAwait(false);
        await ResponsesAsync(html, details.Responses, received.Items.Where(m => m.TransactionId == t.Id).ToList(), queries, ct).ConfigureAwait(false);
        Messages(html, sent, received.Items.Where(m => m.TransactionId == t.Id).ToList());
        History(html, await queries.ListAuditAsync(new AuditQuery { TransactionId = t.Id }, ct).ConfigureAwait(false));
        return Layout.Page(context, "Transaction " + t.Id, "Transactions", html.ToString());
    }

    /// <summary>The operator history table (shared with the message viewer).</summary>
    public static void History(Html html, IReadOnlyList<AuditEvent> events)
    {
        html.Raw("<h2>Operator history</h2>");
        if (events.Count == 0)
        {
            html.Element("p", "No operator actions or payload views recorded.", "class=\"muted\"");
            return;
        }

        html.Raw("<div class=\"table-wrap\"><table><caption>Who did what, newest first</caption><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th><th scope=\"col\">Action</th><th scope=\"col\">On</th><th scope=\"col\">Note</th></tr></thead><tbody>");
        foreach (var e in events)
        {
            html.Raw("<tr><td>").Time(e.At).Raw("</td>").Element("td", e.Actor).Element("td", e.Action.ToString())
                .Element("td", $"{e.Subject} {e.SubjectId}", "class=\"mono\"").Element("td", e.Note ?? string.Empty).Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static void Facts(Html html, OutboundTransaction t)
    {
        html.Raw("<section class=\"panel\"><dl class=\"facts\">")
            .Element("dt", "Flow").Element("dd", t.Flow, "class=\"mono\"")
            .Element("dt", "Recipient").Element("dd", $"{t.Recipient} ({t.RecipientKind})", "class=\"mono\"")
            .Element("dt", "MESH message").Element("dd", t.MeshMessageId ?? "not sent yet", "class=\"mono\"")
            .Element("dt", "MessageHeader id").Element("dd", t.MessageHeaderId, "class=\"mono\"")
            .Element("dt", "Created").Raw("<dd>").Time(t.CreatedAt).Raw("</dd>")
            .Element("dt", "Updated").Raw("<dd>").Time(t.UpdatedAt ?? t.CreatedAt).Raw("</dd>")
            .Element("dt", "Infrastructure response due").Raw("<dd>").Time(t.InfrastructureDueAt).Raw("</dd>")
            .Element("dt", "Business response due").Raw("<dd>").Time(t.BusinessDueAt).Raw("</dd>");
        if (t.FailureCode is { } code)
        {
            CodeExplanation.Render(html.Element("dt", "Failure").Raw("<dd>"), code).Raw(" ").Text(t.FailureDetail).Raw("</dd>");
        }

        html.Raw("</dl></section>");
    }

    private static void Timeline(Html html, IReadOnlyList<TransactionEvent> timeline)
    {
        html.Raw("<h2>Timeline</h2><div class=\"table-wrap\"><table><caption>Events, oldest first</caption><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">What</th><th scope=\"col\">Detail</th><th scope=\"col\">ITK code</th></tr></thead><tbody>");
        foreach (var e in timeline)
        {
            html.Raw("<tr><td>").Time(e.At).Raw("</td>").Element("td", e.Kind.ToString()).Element("td", e.Detail ?? string.Empty);
            CodeExplanation.Render(html.Raw("<td>"), e.ItkCode).Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static async Task ResponsesAsync(
        Html html, IReadOnlyList<TransactionResponse> responses, IReadOnlyList<InboundMessage> received, IGatewayQueries queries, CancellationToken ct)
    {
        html.Raw("<h2>Responses received</h2>");
        if (responses.Count == 0)
        {
            html.Element("p", "None yet.", "class=\"muted\"");
            return;
        }

        html.Raw("<div class=\"table-wrap\"><table><caption>ITK3 responses, in order of receipt</caption><thead><tr><th scope=\"col\">Received (UTC)</th><th scope=\"col\">Level</th><th scope=\"col\">Code</th><th scope=\"col\">Receiver's diagnostics</th></tr></thead><tbody>");
        foreach (var r in responses)
        {
            html.Raw("<tr><td>").Time(r.ReceivedAt).Raw("</td>").Element("td", r.Level.ToString());
            CodeExplanation.Render(html.Raw("<td>"), r.Code).Raw("</td><td>");
            var message = received.FirstOrDefault(m => m.MessageHeaderId == r.ResponseMessageHeaderId);
            var content = message is null ? null : await queries.GetInboundContentAsync(message.MeshMessageId, ct).ConfigureAwait(false);
            var response = content is null ? null : ItkMessageReader.Read(content).Message?.Response;
            html.Text(response is null ? string.Empty : string.Join(" · ", MessageSummary.Diagnostics(response))).Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static void Messages(Html html, IReadOnlyList<OutboxItem> sent, IReadOnlyList<InboundMessage> received)
    {
        html.Raw("<h2>Messages</h2><div class=\"table-wrap\"><table><caption>Sent and received for this transaction</caption><thead><tr><th scope=\"col\">Direction</th><th scope=\"col\">When (UTC)</th><th scope=\"col\">MESH message</th><th scope=\"col\">State</th><th scope=\"col\">Message</th></tr></thead><tbody>");
        foreach (var item in sent)
        {
            html.Raw("<tr><td>Sent</td><td>").Time(item.CreatedAt).Raw("</td>").Element("td", item.MeshMessageId ?? "–", "class=\"mono\"")
                .Raw("<td>").Badge(item.State.ToString()).Raw("</td><td>").Link("/messages/outbox/" + Html.Segment(item.Id), "View " + (item.Subject ?? "message")).Raw("</td></tr>");
        }

        foreach (var message in received)
        {
            html.Raw("<tr><td>Received</td><td>").Time(message.ReceivedAt).Raw("</td>").Element("td", message.MeshMessageId, "class=\"mono\"")
                .Raw("<td>").Badge(message.State.ToString()).Raw("</td><td>").Link("/messages/inbound/" + Html.Segment(message.MeshMessageId), "View response " + (message.ItkCode ?? string.Empty)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div>");
    }
}
