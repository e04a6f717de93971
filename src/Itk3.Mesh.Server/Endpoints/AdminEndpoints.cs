using System.Text.Json;
using Itk3.Mesh.Server.Protocol;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>Test-only endpoints like the sandbox's: reset, inject a REPORT, and (ours) run the expiry sweep.</summary>
internal sealed class AdminEndpoints(MeshAdmin admin, EndpointServices services)
{
    public async Task ResetAsync(HttpContext context)
    {
        var mailbox = MeshRequest.Route(context, "mb");
        if (mailbox.Length == 0)
        {
            await admin.ResetAsync(context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await admin.ResetMailboxAsync(mailbox, context.RequestAborted).ConfigureAwait(false);
        }

        await JsonBody.EmptyAsync(context, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    public async Task ExpireAsync(HttpContext context)
    {
        var expired = await admin.RunExpiryAsync(context.RequestAborted).ConfigureAwait(false);
        await JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("expired", expired);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Body: <c>{"mailbox_id","workflow_id","linked_message_id","code","description","event","local_id","subject","file_name"}</c>.</summary>
    public async Task ReportAsync(HttpContext context)
    {
        MeshReportRequest? report;
        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            report = ReadReport(doc.RootElement);
        }
        catch (JsonException)
        {
            report = null;
        }

        if (report is null || services.Config.FindMailbox(report.MailboxId.ToUpperInvariant()) is null)
        {
            await MeshErrors.WriteValidationAsync(context,
                [new ValidationFailure("body", "mailbox_id", "a configured mailbox_id is required", "value_error")]).ConfigureAwait(false);
            return;
        }

        var id = await admin.InjectReportAsync(report, context.RequestAborted).ConfigureAwait(false);
        await JsonBody.WriteAsync(context, StatusCodes.Status200OK, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteString("message_id", id);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static MeshReportRequest? ReadReport(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "mailbox_id") is not { Length: > 0 } mailbox)
        {
            return null;
        }

        return new MeshReportRequest
        {
            MailboxId = mailbox,
            WorkflowId = Text(root, "workflow_id") ?? "",
            LinkedMessageId = Text(root, "linked_message_id"),
            Code = Text(root, "code"),
            Description = Text(root, "description"),
            Event = Text(root, "event"),
            LocalId = Text(root, "local_id"),
            Subject = Text(root, "subject"),
            FileName = Text(root, "file_name"),
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
