using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary><c>GET /messageexchange/{mb}/inbox</c>: the IDs of delivered, unacknowledged messages, oldest first, paged.</summary>
internal sealed class InboxEndpoint(EndpointServices services)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var query = InboxQuery.Parse(context.Request, out var failure);
        if (query is null)
        {
            await MeshErrors.WriteValidationAsync(context, [failure!]).ConfigureAwait(false);
            return;
        }

        var (page, more, total) = services.Store.Inboxes.Page(
            request.MailboxId, query.ContinueAfter, m => query.Filter?.Matches(m.WorkflowId) ?? true, query.MaxResults);
        var next = more ? query.NextLink(page[^1].Sequence) : null;
        await WriteAsync(context, request.Version >= 2, page.Select(m => m.MessageId), query.SelfLink, next, total)
            .ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpContext context, bool v2, IEnumerable<string> ids, string self, string? next, int count) =>
        JsonBody.WriteAsync(context, StatusCodes.Status200OK, v2 ? ApiVersion.V2MediaType : JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("messages");
            foreach (var id in ids)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            if (v2)
            {
                w.WriteStartObject("links");
                w.WriteString("self", self);
                if (next is not null)
                {
                    w.WriteString("next", next);
                }

                w.WriteEndObject();
                w.WriteNumber("approx_inbox_count", count);
            }

            w.WriteEndObject();
        });
}
