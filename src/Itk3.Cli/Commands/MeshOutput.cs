using System.Globalization;
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

    /// <summary>Writes the metadata of a message, REPORT fields included.</summary>
    public static Task WriteMetadataAsync(TextWriter output, MeshMessageMetadata m) => WriteFieldsAsync(output,
    [
        ("message_id", m.MessageId), ("message_type", m.MessageType.ToString().ToUpperInvariant()), ("from", m.From), ("to", m.To),
        ("workflow_id", m.WorkflowId), ("subject", m.Subject), ("local_id", m.LocalId), ("filename", m.FileName),
        ("content_type", m.ContentType), ("chunks", m.TotalChunks.ToString(CultureInfo.InvariantCulture)),
        ("linked_message_id", m.LinkedMessageId), ("status_code", m.StatusCode), ("status_event", m.StatusEvent),
        ("status_description", m.StatusDescription), ("status_success", m.StatusSuccess ? "SUCCESS" : "ERROR"),
    ]);
}
