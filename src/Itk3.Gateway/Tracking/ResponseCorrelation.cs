using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Itk3.Gateway.Transport;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;
using MessagingLevel = Itk3.Messaging.Codes.ResponseLevel;

namespace Itk3.Gateway.Tracking;

/// <summary>Lands received ITK3 responses and MESH reports on the outbound transaction they answer, and answers business responses that ask for it (Full Acknowledgement).</summary>
internal sealed class ResponseCorrelation(GatewayNodeServices services, ResponseOutbox responses, ResponsePlanner planner, Diagnostics.NodeEvents events)
{
    /// <summary>Correlates an accepted ITK3 response by its response.identifier (the sent MessageHeader id).</summary>
    public async Task<InboundMessage> ApplyResponseAsync(
        IGatewayUnitOfWork work, InboundMessage message, ValidationResult validation, ResponseTarget target, CancellationToken cancellationToken)
    {
        var view = validation.Message!.Response!;
        var code = view.Code ?? view.HeaderResponseCode ?? "unknown";
        var found = view.RespondsTo is { } respondsTo
            ? await work.Transactions.FindAsync(TransactionLookup.MessageHeaderId, respondsTo, cancellationToken).ConfigureAwait(false)
            : null;
        var transactionId = found?.Id;
        if (found is not null)
        {
            await RecordAsync(work, found, view.Level, code, view.IsPositive, message.MessageHeaderId ?? message.MeshMessageId, cancellationToken).ConfigureAwait(false);
        }

        foreach (var planned in planner.Plan(validation).Responses)
        {
            await responses.QueueAsync(work, validation.Message, planned, target with { TransactionId = transactionId }, null, cancellationToken).ConfigureAwait(false);
        }

        return message with
        {
            State = InboundState.Complete,
            TransactionId = transactionId,
            ItkCode = code,
            Detail = found is null ? "response to no transaction of this node" : null,
        };
    }

    /// <summary>Lands a MESH report on the transaction whose payload it names (linked MESH message id, else local id).</summary>
    public async Task<InboundMessage> ApplyReportAsync(IGatewayUnitOfWork work, InboundMessage message, IncomingEnvelope report, CancellationToken cancellationToken)
    {
        var found = report.LinkedMessageId is { } linked
            ? await work.Transactions.FindAsync(TransactionLookup.MeshMessageId, linked, cancellationToken).ConfigureAwait(false)
            : null;
        if (found is null && report.LocalId is { } localId)
        {
            found = await work.Transactions.FindAsync(TransactionLookup.MessageHeaderId, localId, cancellationToken).ConfigureAwait(false);
        }

        if (found is not null)
        {
            var now = services.Clock.GetUtcNow();
            await work.Transactions.AppendEventAsync(new TransactionEvent(found.Id, now, TransactionEventKind.MeshReport, report.StatusDescription, report.StatusCode), cancellationToken).ConfigureAwait(false);
            var updated = TransactionProgress.Reported(found, report.StatusSuccess, report.StatusCode, report.StatusDescription, now);
            events.ReportReceived(report.StatusCode, found.Id, report.MessageId);
            await SaveAsync(work, found, updated, cancellationToken).ConfigureAwait(false);
        }

        return message with { State = InboundState.Complete, TransactionId = found?.Id, ItkCode = report.StatusCode, Detail = report.StatusDescription };
    }

    private async Task RecordAsync(IGatewayUnitOfWork work, OutboundTransaction transaction, MessagingLevel? level, string code, bool positive, string responseHeaderId, CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow();
        var storedLevel = level == MessagingLevel.Business ? ResponseLevel.Business : ResponseLevel.Infrastructure;
        var response = new TransactionResponse(transaction.Id, storedLevel, code, positive, responseHeaderId, now);
        if (!await work.Transactions.AddResponseAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var kind = storedLevel == ResponseLevel.Business ? TransactionEventKind.BusinessResponse : TransactionEventKind.InfrastructureResponse;
        events.ResponseReceived(transaction.Id, storedLevel, code, positive, responseHeaderId);
        await work.Transactions.AppendEventAsync(new TransactionEvent(transaction.Id, now, kind, positive ? "positive" : "negative", code), cancellationToken).ConfigureAwait(false);
        var all = await work.Transactions.GetResponsesAsync(transaction.Id, cancellationToken).ConfigureAwait(false);
        var updated = TransactionProgress.Responded(transaction, services.Options.FindFlow(transaction.Flow), all, now);
        await SaveAsync(work, transaction, updated, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(IGatewayUnitOfWork work, OutboundTransaction before, OutboundTransaction after, CancellationToken cancellationToken)
    {
        await work.Transactions.UpdateAsync(after, cancellationToken).ConfigureAwait(false);
        if (before.State == after.State)
        {
            return;
        }

        var at = after.UpdatedAt ?? before.CreatedAt;
        if (after.State.IsTerminal())
        {
            events.Finished(after, at);
        }

        if (after.State == TransactionState.Complete)
        {
            await work.Transactions.AppendEventAsync(new TransactionEvent(after.Id, at, TransactionEventKind.Completed), cancellationToken).ConfigureAwait(false);
        }
        else if (after.State == TransactionState.Failed)
        {
            await work.Transactions.AppendEventAsync(new TransactionEvent(after.Id, at, TransactionEventKind.Failed, after.FailureDetail, after.FailureCode), cancellationToken).ConfigureAwait(false);
        }
    }
}
