using System.Text.Json;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Http;

/// <summary>Reads the JSON bodies of successful MESH responses, accepting both v2 (snake_case) and v1 (camelCase) names.</summary>
internal static class MeshJson
{
    /// <summary>The message ID of a send response (<c>message_id</c> or v1 <c>messageID</c>), or null.</summary>
    public static string? ReadMessageId(JsonElement root) =>
        Text(root, "message_id") ?? Text(root, "messageID") ?? Text(root, "messageId");

    /// <summary>An inbox page: <c>messages</c>, <c>links.next</c>, <c>approx_inbox_count</c>.</summary>
    public static InboxPage ReadInboxPage(JsonElement root)
    {
        var ids = new List<string>();
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in messages.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } id)
                {
                    ids.Add(id);
                }
            }
        }

        string? next = null;
        if (root.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object)
        {
            next = Text(links, "next");
        }

        int? count = root.TryGetProperty("approx_inbox_count", out var c) && c.TryGetInt32(out var n) ? n : null;
        return new InboxPage(ids, string.IsNullOrEmpty(next) ? null : next, count);
    }

    /// <summary>Tracking in either shape; the status is lower-cased.</summary>
    public static TrackingInfo ReadTracking(JsonElement root, string fallbackId) => new()
    {
        MessageId = Text(root, "message_id") ?? Text(root, "messageId") ?? fallbackId,
        Status = (Text(root, "status") ?? string.Empty).ToLowerInvariant(),
        StatusSuccess = ReadSuccess(root),
        StatusCode = Text(root, "status_code") ?? Text(root, "statusCode"),
        StatusEvent = Text(root, "status_event") ?? Text(root, "statusEvent"),
        StatusDescription = Text(root, "status_description") ?? Text(root, "statusDescription"),
        LocalId = Text(root, "local_id") ?? Text(root, "localId"),
        WorkflowId = Text(root, "workflow_id") ?? Text(root, "workflowId"),
        FileName = Text(root, "filename") ?? Text(root, "fileName"),
        Recipient = Text(root, "recipient"),
        RecipientName = Text(root, "recipient_name") ?? Text(root, "recipientName"),
        RecipientOdsCode = Text(root, "recipient_ods_code") ?? Text(root, "meshRecipientOdsCode"),
        UploadTimestamp = MeshTimestamps.Parse(Text(root, "upload_timestamp") ?? Text(root, "uploadTimestamp")),
        ExpiryTime = MeshTimestamps.Parse(Text(root, "expiry_time") ?? Text(root, "expiryTime")),
        StatusTimestamp = MeshTimestamps.Parse(Text(root, "status_timestamp") ?? Text(root, "statusTimestamp")),
    };

    /// <summary>Lookup or workflow-search results: v2 <c>mailbox_id</c>/<c>mailbox_name</c> or v1 <c>address</c>/<c>description</c>.</summary>
    public static EndpointLookupResult ReadLookup(JsonElement root)
    {
        var results = new List<MeshMailbox>();
        if (root.TryGetProperty("results", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var id = Text(item, "mailbox_id") ?? Text(item, "address");
                if (!string.IsNullOrEmpty(id))
                {
                    results.Add(new MeshMailbox(id, Text(item, "mailbox_name") ?? Text(item, "description")));
                }
            }
        }

        return new EndpointLookupResult(results);
    }

    private static bool? ReadSuccess(JsonElement root)
    {
        var found = root.TryGetProperty("status_success", out var v) || root.TryGetProperty("statusSuccess", out v);
        return !found ? null : v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => string.Equals(v.GetString(), "SUCCESS", StringComparison.OrdinalIgnoreCase),
            _ => null,
        };
    }

    /// <summary>The string value of property <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
