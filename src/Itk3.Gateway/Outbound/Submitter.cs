using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Transactions;
using Itk3.Gateway.Transport;
using Itk3.Messaging.Building;

namespace Itk3.Gateway.Outbound;

/// <summary>Turns a submission into a stored transaction and a queued send, in one unit of work.</summary>
internal sealed class Submitter(GatewayNodeServices services, NodeSignals signals)
{
    private readonly MessageComposer _composer = new(services.Options, services.Clock, services.Ids, services.Transport.Mailbox, services.SubmitValidation);

    /// <summary>
    /// Checks, builds, stores and queues. A repeated <see cref="SubmitRequest.TransactionId"/> with the same request returns the
    /// existing transaction and sends nothing new; with a different request it is refused (<see cref="GatewayErrorCodes.TransactionConflict"/>).
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        using var span = signals.Events.Metrics.ActivitySource.StartActivity("itk3.submit");
        if (Check(request, out var flow) is { } refused)
        {
            return refused;
        }

        var hash = SubmissionHash.Of(request);
        if (request.TransactionId is { } existingId
            && await services.Queries.GetTransactionAsync(existingId, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return Repeat(earlier.Transaction, hash);
        }

        // The parsed payload and the built message are several times the payload's size: submissions are built within the
        // node's byte budget, so many large ones at once wait for room instead of exhausting memory.
        using var room = request.BytesReserved ? null : await services.BytesInFlight.AcquireAsync(request.Payload.Length, cancellationToken).ConfigureAwait(false);
        var receiverOds = request.RecipientKind switch
        {
            RecipientKind.Ods => request.Recipient.Trim().ToUpperInvariant(),
            RecipientKind.GpProvider => Messaging.Validation.RecipientSettings.PlaceholderGpOdsCode,
            _ => null,
        };
        var (built, composed, composeError, findings) = _composer.Compose(request.Payload, request.Format, flow!, receiverOds, request.SenderReference);
        using var bytes = composed;
        if (composeError is not null)
        {
            signals.Events.SubmitRefusedByProfiles(flow!.WorkflowId, composeError);
            return new SubmitResult(null, composeError);
        }

        var (to, error) = await ResolveAsync(request, flow!, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return new SubmitResult(null, error);
        }

        var id = request.TransactionId ?? services.Ids.NewId();
        span?.SetTag(NodeTracing.TransactionId, id).SetTag(NodeTracing.Flow, flow!.WorkflowId);
        if (await StoreAsync(request, flow!, to!, built!, bytes!, id, hash, cancellationToken).ConfigureAwait(false) is { } raced)
        {
            return Repeat(raced, hash);
        }

        signals.Events.Submitted(id, flow!.WorkflowId, to!);
        signals.Events.SubmitValidated(id, flow.WorkflowId, findings);
        signals.Outbox.Set();
        return SubmitResult.Accepted(id) with { Findings = findings };
    }

    private static SubmitResult Repeat(OutboundTransaction earlier, string hash) =>
        earlier.RequestHash is null || earlier.RequestHash == hash
            ? SubmitResult.Accepted(earlier.Id)
            : SubmitResult.Refused(GatewayErrorCodes.TransactionConflict, $"transactionId: '{earlier.Id}' was already used for a different request");

    private SubmitResult? Check(SubmitRequest request, out FlowSettings? flow)
    {
        flow = services.Options.FindFlow(request.Flow);
        if (request.Payload.IsEmpty)
        {
            return SubmitResult.Refused(GatewayErrorCodes.InvalidPayload, "payload: is empty");
        }

        if (flow is null || flow.WorkflowId != request.Flow)
        {
            return SubmitResult.Refused(GatewayErrorCodes.UnknownFlow, $"flow: '{Printable(request.Flow)}' is not configured on this node");
        }

        if (string.IsNullOrWhiteSpace(request.Recipient))
        {
            return SubmitResult.Refused(GatewayErrorCodes.InvalidRecipient, "recipient: is required");
        }

        // Control characters (CR/LF) are refused, never trimmed away: bad input is not repaired silently.
        var reason = request.Recipient.Any(char.IsControl)
            ? "must not contain control characters (CR, LF, tab)"
            : RecipientFormat.Check(request.RecipientKind, request.Recipient.Trim());
        return reason is not null ? SubmitResult.Refused(GatewayErrorCodes.InvalidRecipient, $"recipient: {reason}") : null;
    }

    private static string Printable(string value) =>
        new([.. value.Take(100).Select(c => char.IsControl(c) ? '?' : c)]);

    /// <summary>Stores the transaction and its send; returns the existing transaction when another submission took the id first.</summary>
    private async Task<OutboundTransaction?> StoreAsync(
        SubmitRequest request, FlowSettings flow, string to, BuiltMessage built, PooledBufferWriter bytes, string id, string hash, CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow();
        var transaction = new OutboundTransaction(id, flow.WorkflowId, request.RecipientKind, request.Recipient.Trim(), built.MessageHeaderId, now)
        {
            BundleId = built.BundleId,
            BundleIdentifier = built.BundleIdentifier,
            LocalId = built.MessageHeaderId,
            RequestHash = hash,
        };
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (!await work.Transactions.AddAsync(transaction, cancellationToken).ConfigureAwait(false))
        {
            return await work.Transactions.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The generated MessageHeader id is already used: the node's id generator repeats ids.");
        }

        await work.Transactions.AppendEventAsync(new TransactionEvent(id, now, TransactionEventKind.Created, $"to {to} on {flow.WorkflowId}"), cancellationToken).ConfigureAwait(false);
        var (traceParent, traceState) = NodeTracing.Capture();
        var item = new OutboxItem(services.Ids.NewId(), to, flow.WorkflowId, ReadOnlyMemory<byte>.Empty, now)
        {
            LocalId = built.MessageHeaderId,
            TransactionId = id,
            Subject = $"ITK3 {flow.WorkflowId}",
            TraceParent = traceParent,
            TraceState = traceState,
        };
        await work.Outbox.EnqueueAsync(item, bytes.Written, cancellationToken).ConfigureAwait(false);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<(string? To, GatewayError? Error)> ResolveAsync(SubmitRequest request, FlowSettings flow, CancellationToken cancellationToken)
    {
        var value = request.Recipient.Trim();
        switch (request.RecipientKind)
        {
            case RecipientKind.Mailbox:
                return (value.ToUpperInvariant(), null);
            case RecipientKind.GpProvider:
                return (value.StartsWith("GPPROVIDER_", StringComparison.OrdinalIgnoreCase) ? "GPPROVIDER_" + value["GPPROVIDER_".Length..] : "GPPROVIDER_" + value, null);
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
