using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Transactions;
using Itk3.Gateway.Transport;
using Itk3.Messaging.Building;

namespace Itk3.Gateway.Outbound;

/// <summary>Turns a submission into a stored transaction and a queued send, in one unit of work.</summary>
internal sealed class Submitter(GatewayNodeServices services, NodeSignals signals)
{
    private readonly MessageComposer _composer = new(services.Options, services.Clock, services.Ids, services.Transport.Mailbox);

    /// <summary>Builds, stores and queues; a repeated <see cref="SubmitRequest.TransactionId"/> returns the existing transaction.</summary>
    public async Task<SubmitResult> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        using var span = signals.Events.Metrics.ActivitySource.StartActivity("itk3.submit");
        if (Check(request, out var flow) is { } refused)
        {
            return refused;
        }

        var (to, error) = await ResolveAsync(request, flow!, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return new SubmitResult(null, error);
        }

        var receiverOds = request.RecipientKind switch
        {
            RecipientKind.Ods => request.Recipient.Trim().ToUpperInvariant(),
            RecipientKind.GpProvider => Messaging.Validation.RecipientSettings.PlaceholderGpOdsCode,
            _ => null,
        };
        var (built, bytes, composeError) = _composer.Compose(request.Payload, request.Format, flow!, receiverOds, request.SenderReference);
        if (built is null || bytes is null)
        {
            return SubmitResult.Refused(GatewayErrorCodes.InvalidPayload, "payload: " + composeError);
        }

        var id = request.TransactionId ?? services.Ids.NewId();
        await StoreAsync(request, flow!, to!, built, bytes, id, cancellationToken).ConfigureAwait(false);
        span?.SetTag("itk3.transaction_id", id).SetTag("itk3.flow", flow!.WorkflowId);
        signals.Events.Submitted(id, flow!.WorkflowId, to!);
        signals.Outbox.Set();
        return SubmitResult.Accepted(id);
    }

    private SubmitResult? Check(SubmitRequest request, out FlowSettings? flow)
    {
        flow = services.Options.FindFlow(request.Flow);
        if (request.Payload.IsEmpty)
        {
            return SubmitResult.Refused(GatewayErrorCodes.InvalidPayload, "payload: is empty");
        }

        if (flow is null || flow.WorkflowId != request.Flow)
        {
            return SubmitResult.Refused(GatewayErrorCodes.UnknownFlow, $"flow: '{request.Flow}' is not configured on this node");
        }

        return string.IsNullOrWhiteSpace(request.Recipient)
            ? SubmitResult.Refused(GatewayErrorCodes.InvalidRecipient, "recipient: is required")
            : null;
    }

    private async Task StoreAsync(SubmitRequest request, FlowSettings flow, string to, BuiltMessage built, byte[] bytes, string id, CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow();
        var transaction = new OutboundTransaction(id, flow.WorkflowId, request.RecipientKind, request.Recipient.Trim(), built.MessageHeaderId, now)
        {
            BundleId = built.BundleId,
            BundleIdentifier = built.BundleIdentifier,
            LocalId = built.MessageHeaderId,
        };
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (!await work.Transactions.AddAsync(transaction, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await work.Transactions.AppendEventAsync(new TransactionEvent(id, now, TransactionEventKind.Created, $"to {to} on {flow.WorkflowId}"), cancellationToken).ConfigureAwait(false);
        var item = new OutboxItem(services.Ids.NewId(), to, flow.WorkflowId, bytes, now)
        {
            LocalId = built.MessageHeaderId,
            TransactionId = id,
            Subject = $"ITK3 {flow.WorkflowId}",
        };
        await work.Outbox.EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string? To, GatewayError? Error)> ResolveAsync(SubmitRequest request, FlowSettings flow, CancellationToken cancellationToken)
    {
        var value = request.Recipient.Trim();
        switch (request.RecipientKind)
        {
            case RecipientKind.Mailbox:
                return (value.ToUpperInvariant(), null);
            case RecipientKind.GpProvider:
                return (value.StartsWith("GPPROVIDER_", StringComparison.OrdinalIgnoreCase) ? value : "GPPROVIDER_" + value, null);
            default:
                try
                {
                    var mailbox = await services.Transport.LookupMailboxAsync(value.ToUpperInvariant(), flow.WorkflowId, cancellationToken).ConfigureAwait(false);
                    return mailbox is null
                        ? (null, new GatewayError(GatewayErrorCodes.RecipientNotFound, $"recipient: no mailbox for ODS code {value} on {flow.WorkflowId}"))
                        : (mailbox, null);
                }
                catch (TransportException e)
                {
                    return (null, new GatewayError(GatewayErrorCodes.MeshUnavailable, $"endpoint lookup failed: {e.Code}"));
                }
        }
    }
}
