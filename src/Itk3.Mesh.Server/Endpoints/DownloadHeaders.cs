using System.Globalization;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>The <c>mex-*</c> headers of a download or HEAD, in the sandbox's order and lower case (MESH.md §6.3).</summary>
internal static class DownloadHeaders
{
    public static void Write(HttpResponse response, StoredMessage m, int number, bool gzipped)
    {
        var h = response.Headers;
        Add(h, "mex-from", m.Sender);
        Add(h, "mex-to", m.Recipient);
        Add(h, "mex-workflowid", m.WorkflowId);
        Add(h, "mex-chunk-range", $"{number}:{m.TotalChunks}");
        Add(h, "mex-total-chunks", m.TotalChunks.ToString(CultureInfo.InvariantCulture));
        Add(h, "mex-addresstype", "ALL");
        Add(h, "mex-localid", m.LocalId);
        Add(h, "mex-partnerid", m.PartnerId);
        Add(h, "mex-filename", m.IsReport ? m.FileName : m.EffectiveFileName);
        Add(h, "mex-subject", m.Subject);
        Add(h, "mex-version", "1.0");
        Add(h, "mex-messagetype", m.MessageType);
        Add(h, "mex-messageid", m.MessageId);
        Add(h, "mex-linkedmsgid", m.LinkedMessageId);
        if (gzipped)
        {
            Add(h, "content-encoding", "gzip");
        }

        Add(h, "mex-statuscode", m.StatusCode);
        Add(h, "mex-statusevent", m.StatusEvent);
        Add(h, "mex-statusdescription", m.StatusDescription);
        Add(h, "mex-statussuccess", m.StatusSuccess);
        Add(h, "mex-statustimestamp", Timestamp(m.StatusTimestamp));
        if (!m.IsReport)
        {
            Add(h, "mex-content-type", m.ContentType);
            Add(h, "mex-content-checksum", m.Checksum);
            Add(h, "mex-content-encrypted", m.ContentEncrypted);
        }

        Add(h, "last-modified", LastModified(m.AcceptedAt ?? m.UploadedAt));

        // The sender's flag, passed through unchanged: transport gzip is told by Content-Encoding (real MESH; the sandbox
        // sets Y on every gzip response, which is not copied here).
        Add(h, "mex-content-compressed", m.ContentCompressed);
    }

    /// <summary><c>yyyyMMddHHmmss</c> in UTC, the MESH status timestamp form.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static string LastModified(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static void Add(IHeaderDictionary headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.Append(name, value);
        }
    }
}
