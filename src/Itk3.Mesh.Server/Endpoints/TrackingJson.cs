using System.Globalization;
using System.Text.Json;
using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Storage;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>Writes the tracking JSON in the v2 (snake_case) and v1 (camelCase, sandbox order) shapes.</summary>
internal static class TrackingJson
{
    public static void WriteV2(Utf8JsonWriter w, StoredMessage m, MeshServerConfig config)
    {
        var recipient = config.FindMailbox(m.Recipient ?? "");
        w.WriteStartObject();
        w.WriteString("message_id", m.MessageId);
        w.WriteString("local_id", m.LocalId ?? "");
        w.WriteString("workflow_id", m.WorkflowId);
        w.WriteString("filename", m.EffectiveFileName);
        w.WriteString("expiry_time", Iso(ExpiryTime(m, config)));
        w.WriteString("upload_timestamp", Iso(m.UploadedAt));
        w.WriteString("recipient", m.Recipient ?? "");
        w.WriteString("recipient_name", recipient?.Name ?? "");
        w.WriteString("recipient_ods_code", recipient?.OdsCode ?? "");
        w.WriteString("recipient_org_code", recipient?.OdsCode ?? "");
        w.WriteString("recipient_org_name", "");
        w.WriteBoolean("status_success", !IsFailed(m));
        w.WriteString("status", m.Status.ToString().ToLowerInvariant());
        if (IsFailed(m))
        {
            w.WriteString("status_event", m.StatusEvent);
            w.WriteString("status_code", m.StatusCode);
            w.WriteString("status_description", m.StatusDescription);
            w.WriteString("status_timestamp", DownloadHeaders.Timestamp(m.StatusTimestamp));
        }

        w.WriteEndObject();
    }

    public static void WriteV1(Utf8JsonWriter w, StoredMessage m, MeshServerConfig config)
    {
        var recipient = config.FindMailbox(m.Recipient ?? "");
        var sender = config.FindMailbox(m.Sender ?? "");
        w.WriteStartObject();
        w.WriteString("addressType", "ALL");
        w.WriteString("checksum", m.Checksum ?? "");
        w.WriteNumber("chunkCount", m.TotalChunks);
        w.WriteString("compressFlag", m.ContentCompressed ?? "");
        w.WriteString("contentEncoding", m.ContentEncoding ?? "");
        w.WriteString("downloadTimestamp", m.DownloadedAt is { } d ? DownloadHeaders.Timestamp(d) : "");
        w.WriteString("dtsId", m.MessageId);
        w.WriteString("encryptedFlag", m.ContentEncrypted ?? "");
        w.WriteString("expiryTime", DownloadHeaders.Timestamp(ExpiryTime(m, config)));
        w.WriteString("fileName", m.EffectiveFileName);
        w.WriteNumber("fileSize", m.Size);
        w.WriteString("isCompressed", m.ContentCompressed ?? "");
        w.WriteString("localId", m.LocalId ?? "");
        w.WriteString("meshRecipientOdsCode", recipient?.OdsCode ?? "");
        w.WriteString("messageId", m.MessageId);
        w.WriteString("messageType", m.IsReport ? "Report" : "Data");
        w.WriteString("partnerId", m.PartnerId ?? "");
        WriteParty(w, "recipient", m.Recipient, recipient);
        WriteParty(w, "sender", m.Sender, sender);
        w.WriteString("status", CultureInfo.InvariantCulture.TextInfo.ToTitleCase(m.Status.ToString().ToLowerInvariant()));
        w.WriteString("statusSuccess", IsFailed(m) ? "ERROR" : "SUCCESS");
        if (IsFailed(m))
        {
            w.WriteString("statusCode", m.StatusCode);
            w.WriteString("statusEvent", m.StatusEvent);
            w.WriteString("statusDescription", m.StatusDescription);
        }

        w.WriteString("subject", m.Subject ?? "");
        w.WriteString("uploadTimestamp", DownloadHeaders.Timestamp(m.UploadedAt));
        w.WriteString("version", "1.0");
        w.WriteString("workflowId", m.WorkflowId);
        w.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter w, string role, string? id, MeshMailboxConfig? mailbox)
    {
        w.WriteString(role, id ?? "");
        w.WriteString(role + "Name", mailbox?.Name ?? "");
        if (role == "sender")
        {
            w.WriteString("senderOdsCode", mailbox?.OdsCode ?? "");
        }

        w.WriteString(role + "OrgCode", mailbox?.OdsCode ?? "");
        w.WriteString(role + "OrgName", "");
        w.WriteString(role + "Smtp", "");
    }

    private static bool IsFailed(StoredMessage m) => m.Status is MessageStatus.Error or MessageStatus.Undeliverable;

    private static DateTimeOffset ExpiryTime(StoredMessage m, MeshServerConfig config) =>
        (m.AcceptedAt ?? m.UploadedAt).AddDays(config.Limits.InboxExpiryDays);

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
