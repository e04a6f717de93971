using Itk3.Mesh.Server.Delivery;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary><c>POST /messageexchange/{mb}/outbox</c>: send a message, or chunk 1 of a chunked one.</summary>
internal sealed class SendEndpoint(EndpointServices services)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = await MeshRequest.AcceptAsync(context, services).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var missing = OutboxHeaders.Missing(context.Request);
        if (missing.Count > 0)
        {
            await MeshErrors.WriteValidationAsync(context, missing).ConfigureAwait(false);
            return;
        }

        var (draft, error) = BuildDraft(context.Request, request.MailboxId);
        if (error is not null)
        {
            await MeshErrors.WriteAsync(context, request.Version, error).ConfigureAwait(false);
            return;
        }

        draft!.MessageId = services.Messages.NewMessageId();
        var (size, bodyError) = await UploadBody.StoreAsync(context.Request, services.Store, draft.MessageId, 1,
            draft.ContentEncoding, services.Config.Limits, discardOnError: true).ConfigureAwait(false);
        if (bodyError is not null)
        {
            await MeshErrors.WriteAsync(context, request.Version, bodyError).ConfigureAwait(false);
            return;
        }

        draft.Size = size;
        await services.Messages.AcceptFirstChunkAsync(draft, context.RequestAborted).ConfigureAwait(false);
        await JsonBody.WriteAsync(context, StatusCodes.Status202Accepted, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteString(request.Version >= 2 ? "message_id" : "messageID", draft.MessageId);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private (StoredMessage? Draft, MeshError? Error) BuildDraft(HttpRequest request, string sender)
    {
        var error = OutboxHeaders.Validate(request) ?? CheckSenderHeaders(request, sender);
        if (error is not null)
        {
            return (null, error);
        }

        OutboxHeaders.TryGetEncoding(request, out var encoding);
        var rangeText = OutboxHeaders.Get(request, "mex-chunk-range");
        var range = rangeText is null ? (1, 1) : OutboxHeaders.ParseRange(rangeText);
        if (range is not (1, var total) || total > services.Config.Limits.MaxChunks)
        {
            return (null, MeshError.InvalidChunks);
        }

        var to = OutboxHeaders.Get(request, "mex-to")!.Trim().ToUpperInvariant();
        var workflow = OutboxHeaders.Get(request, "mex-workflowid")!.Trim();
        error = CheckAddressing(sender, to, workflow);
        return error is not null ? (null, error) : (NewDraft(request, sender, to, workflow, encoding, total), null);
    }

    /// <summary><c>mex-From</c> must be the sender, <c>mex-MessageType</c> DATA, <c>Content-Encoding</c> gzip or nothing.</summary>
    private static MeshError? CheckSenderHeaders(HttpRequest request, string sender)
    {
        var from = OutboxHeaders.Get(request, "mex-from")?.Trim();
        if (from is not null && !string.Equals(from, sender, StringComparison.OrdinalIgnoreCase))
        {
            return MeshError.InvalidFrom;
        }

        var messageType = OutboxHeaders.Get(request, "mex-messagetype")?.Trim();
        if (messageType is not null && !string.Equals(messageType, "DATA", StringComparison.OrdinalIgnoreCase))
        {
            return MeshError.InvalidMessageType;
        }

        return OutboxHeaders.TryGetEncoding(request, out _) ? null : MeshError.UnsupportedEncoding;
    }

    private MeshError? CheckAddressing(string sender, string to, string workflow)
    {
        var enforce = services.Config.EnforceWorkflowRegistration;
        if (enforce && !services.Registry.CanSend(sender, workflow))
        {
            return MeshError.WorkflowNotRegistered;
        }

        if (GpProviderRouter.IsGpProviderAddress(to))
        {
            return services.Router.IsRoutableWorkflow(workflow) ? null : MeshError.UnregisteredTo;
        }

        var known = services.Config.FindMailbox(to) is not null;
        return !known || (enforce && !services.Registry.CanReceive(to, workflow)) ? MeshError.UnregisteredTo : null;
    }

    private static StoredMessage NewDraft(HttpRequest request, string sender, string to, string workflow, string? encoding, int total)
    {
        var gp = GpProviderRouter.IsGpProviderAddress(to);
        return new StoredMessage
        {
            Sender = sender,
            Recipient = gp ? null : to,
            AddressedTo = gp ? to : null,
            WorkflowId = workflow,
            LocalId = OutboxHeaders.Get(request, "mex-localid"),
            Subject = OutboxHeaders.Get(request, "mex-subject"),
            FileName = OutboxHeaders.Get(request, "mex-filename"),
            PartnerId = OutboxHeaders.Get(request, "mex-partnerid"),
            Checksum = OutboxHeaders.Get(request, "mex-content-checksum"),
            ContentType = OutboxHeaders.Get(request, "mex-content-type") ?? OutboxHeaders.Get(request, "content-type") ?? "application/octet-stream",
            ContentCompressed = OutboxHeaders.Get(request, "mex-content-compressed"),
            ContentEncrypted = OutboxHeaders.Get(request, "mex-content-encrypted"),
            ContentEncoding = encoding,
            TotalChunks = total,
        };
    }
}
