using Itk3.Dashboard.Rendering;
using Itk3.Gateway.Application;
using Itk3.Gateway.Audit;
using Itk3.Gateway.Store;
using Itk3.Messaging.Reading;
using Microsoft.AspNetCore.Http;

namespace Itk3.Dashboard.Pages;

/// <summary>GET /messages/outbox/{id} and /messages/inbound/{id}: the ITK3 header summarised, codes explained, and the content indented; every view is recorded in the access log.</summary>
internal static class MessagePage
{
    /// <summary>A message this node sent (outbox item).</summary>
    public static async Task<IResult> SentAsync(HttpContext context, string id, IGatewayQueries queries, IGatewayApplication app, CancellationToken ct)
    {
        var item = await queries.GetOutboxItemAsync(id, ct).ConfigureAwait(false);
        var content = item is null ? null : await queries.GetOutboxContentAsync(id, ct).ConfigureAwait(false);
        if (item is null || content is null)
        {
            return NotFound(context);
        }

        await app.RecordPayloadViewAsync(AuditSubject.OutboxItem, id, Layout.Who(context.User), ct).ConfigureAwait(false);
        var html = new Html().Raw("<h1>Sent message</h1><p>").Raw(item.TransactionId is { } t ? new Html().Raw("Transaction ").Link("/transactions/" + Html.Segment(t), t, "class=\"mono\"").ToString() : "A response this node sent")
            .Raw(" · to <span class=\"mono\">").Text(item.RecipientMailbox).Raw("</span> · workflow <span class=\"mono\">").Text(item.WorkflowId).Raw("</span> · ").Badge(item.State.ToString()).Raw("</p>");
        return Render(context, html, content, "Sent message");
    }

    /// <summary>A message this node received.</summary>
    public static async Task<IResult> ReceivedAsync(HttpContext context, string id, IGatewayQueries queries, IGatewayApplication app, CancellationToken ct)
    {
        var message = await queries.GetInboundAsync(id, ct).ConfigureAwait(false);
        var content = message is null ? null : await queries.GetInboundContentAsync(id, ct).ConfigureAwait(false);
        if (message is null || content is null)
        {
            return NotFound(context);
        }

        await app.RecordPayloadViewAsync(AuditSubject.InboundMessage, message.MeshMessageId, Layout.Who(context.User), ct).ConfigureAwait(false);
        var html = new Html().Raw("<h1>Received message <span class=\"mono\">").Text(message.MeshMessageId).Raw("</span></h1><p>From <span class=\"mono\">")
            .Text(message.SenderMailbox).Raw("</span> · ").Badge(message.State.ToString()).Raw(" · validation ");
        CodeExplanation.Render(html, message.ItkCode);
        if (message.TransactionId is { } t)
        {
            html.Raw(" · answers ").Link("/transactions/" + Html.Segment(t), t, "class=\"mono\"");
        }

        html.Raw("</p>");
        if (message.Detail is { Length: > 0 } detail)
        {
            html.Element("p", "Detail: " + detail);
        }

        TransactionPage.History(html, await queries.ListAuditAsync(new AuditQuery { InboundMeshMessageId = message.MeshMessageId, Take = 20 }, ct).ConfigureAwait(false));
        return Render(context, html, content, "Received message");
    }

    private static IResult Render(HttpContext context, Html html, byte[] content, string title)
    {
        html.Raw("<section class=\"panel\" aria-labelledby=\"itk-header\"><h2 id=\"itk-header\">ITK header</h2>");
        MessageSummary.Render(html, ItkMessageReader.Read(content));
        var (text, kind) = PrettyContent.Format(content);
        html.Raw("</section><h2>Content (").Text(kind).Raw($", {content.Length:N0} bytes)</h2>")
            .Raw("<pre class=\"payload\" tabindex=\"0\" aria-label=\"Message content\"><code>").Text(text).Raw("</code></pre>");
        return Layout.Page(context, title, "Transactions", html.ToString());
    }

    private static IResult NotFound(HttpContext context) =>
        Layout.Page(context, "Not found", "Transactions", "<h1>Message not found</h1><p>No stored message has that id.</p>", StatusCodes.Status404NotFound);
}
