using System.Globalization;
using System.Text;
using System.Text.Json;
using Itk3.Mesh.Models;

namespace Itk3.Cli.Commands;

/// <summary>Plain-text output of the <c>itk3 mesh</c> commands: <c>name: value</c> lines, absent values skipped.</summary>
internal static class MeshOutput
{
    /// <summary>Writes each present field as <c>name: value</c>.</summary>
    public static async Task WriteFieldsAsync(TextWriter output, IEnumerable<(string Name, string? Value)> fields)
    {
        foreach (var (name, value) in fields.Where(f => !string.IsNullOrEmpty(f.Value)))
        {
            await output.WriteLineAsync($"{name}: {value}");
        }
    }

    /// <summary>Writes <c>mailbox_id name</c> per line; returns 0 when any matched, else <see cref="MeshCommand.NotFoundExit"/>.</summary>
    public static async Task<int> WriteMailboxesAsync(TextWriter output, EndpointLookupResult result)
    {
        foreach (var mailbox in result.Results)
        {
            await output.WriteLineAsync($"{mailbox.MailboxId}\t{mailbox.MailboxName}");
        }

        return result.Found ? ExitCodes.Ok : MeshCommand.NotFoundExit;
    }

    /// <summary>Writes tracking fields in the API's v2 names.</summary>
    public static Task WriteTrackingAsync(TextWriter output, TrackingInfo t) => WriteFieldsAsync(output,
    [
        ("message_id", t.MessageId), ("status", t.Status), ("status_success", t.StatusSuccess?.ToString().ToLowerInvariant()),
        ("status_code", t.StatusCode), ("status_event", t.StatusEvent), ("status_description", t.StatusDescription),
        ("recipient", t.Recipient), ("workflow_id", t.WorkflowId), ("local_id", t.LocalId), ("filename", t.FileName),
        ("upload_timestamp", t.UploadTimestamp?.ToString("O", CultureInfo.InvariantCulture)),
        ("expiry_time", t.ExpiryTime?.ToString("O", CultureInfo.InvariantCulture)),
    ]);

    /// <summary>Writes the metadata of a message, REPORT fields included, as <c>name: value</c> lines or one JSON object.</summary>
    public static async Task WriteMetadataAsync(TextWriter output, MeshMessageMetadata m, bool json = false)
    {
        var fields = MetadataFields(m);
        if (!json)
        {
            await WriteFieldsAsync(output, fields);
            return;
        }

        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields.Where(f => !string.IsNullOrEmpty(f.Value)))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// The metadata fields in the API's v2 names. The <c>content_*</c> and <c>partner_id</c> values are the sender's,
    /// passed through by MESH: <c>content_checksum</c> lets the receiver verify the content it stored.
    /// </summary>
    private static (string Name, string? Value)[] MetadataFields(MeshMessageMetadata m) =>
    [
        ("message_id", m.MessageId), ("message_type", m.MessageType.ToString().ToUpperInvariant()), ("from", m.From), ("to", m.To),
        ("workflow_id", m.WorkflowId), ("subject", m.Subject), ("local_id", m.LocalId), ("partner_id", m.PartnerId),
        ("filename", m.FileName), ("content_type", m.ContentType), ("content_checksum", m.ContentChecksum),
        ("content_compressed", Flag(m, "mex-content-compressed")), ("content_encrypted", Flag(m, "mex-content-encrypted")),
        ("chunk_range", m.ChunkNumber.ToString(CultureInfo.InvariantCulture) + ":" + m.TotalChunks.ToString(CultureInfo.InvariantCulture)),
        ("chunks", m.TotalChunks.ToString(CultureInfo.InvariantCulture)),
        ("linked_message_id", m.LinkedMessageId), ("status_code", m.StatusCode), ("status_event", m.StatusEvent),
        ("status_description", m.StatusDescription), ("status_success", m.StatusSuccess ? "SUCCESS" : "ERROR"),
    ];

    /// <summary>A sender's Y/N flag exactly as received (absent stays absent).</summary>
    private static string? Flag(MeshMessageMetadata m, string header) => m.Headers.GetValueOrDefault(header);
}
