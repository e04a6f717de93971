using Itk3.Gateway.Inbound;
using Itk3.Gateway.Transactions;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Diagnostics;

/// <summary>One call per meaningful step of a node: writes the log event, counts the metric and records the status.</summary>
internal sealed class NodeEvents(ILogger logger, GatewayMetrics metrics, NodeStatus status, TimeProvider clock)
{
    /// <summary>The log events are written to.</summary>
    public ILogger Logger => logger;

    /// <summary>The node's instruments.</summary>
    public GatewayMetrics Metrics => metrics;

    /// <summary>The node's recorded state.</summary>
    public NodeStatus Status => status;

    public void Submitted(string transactionId, string flow, string recipient) => GatewayLog.Submitted(logger, transactionId, flow, recipient);

    /// <summary>A submission refused by its flow's profile validation (codes and element ids only, never payload values); nothing for other refusals.</summary>
    public void SubmitRefusedByProfiles(string flow, Application.GatewayError error)
    {
        if (error.ProfileIssues.FirstOrDefault(i => i.IsError) is { } first)
        {
            GatewayLog.SubmitRefusedByProfiles(logger, flow, error.ProfileIssues.Count(i => i.IsError), first.Code, first.ElementId, first.Profile);
        }
    }

    /// <summary>A submission that passed its flow's profile validation with warnings or items not checked; nothing when there were none.</summary>
    public void SubmitValidated(string transactionId, string flow, IReadOnlyList<Fhir.Profiles.ProfileIssue> findings)
    {
        if (findings.Count > 0)
        {
            var notChecked = findings.Count(i => Fhir.Profiles.ProfileIssues.IsNotChecked(i.Code));
            GatewayLog.SubmitValidated(logger, transactionId, flow, findings.Count(i => i.Issue.Severity == Fhir.Issues.IssueSeverity.Warning), notChecked);
        }
    }

    public void Sent(string? transactionId, string flow, string meshMessageId, string? responseCode)
    {
        if (responseCode is null)
        {
            GatewayLog.Sent(logger, transactionId, flow, meshMessageId);
            metrics.Sent(flow, "payload");
            return;
        }

        GatewayLog.ResponseSent(logger, responseCode, flow, meshMessageId, transactionId);
        metrics.Sent(flow, "response");
        metrics.Response("out", Itk3.Messaging.Codes.ResponseCodes.LevelOf(responseCode)?.ToString(), responseCode);
    }

    public void SendFailed(string itemId, string flow, int attempt, string code, string? transactionId, bool deadLettered)
    {
        if (deadLettered)
        {
            GatewayLog.SendDeadLettered(logger, itemId, flow, attempt, code, transactionId);
            metrics.DeadLettered("outbox");
        }
        else
        {
            GatewayLog.SendFailed(logger, itemId, flow, attempt, code, transactionId);
            metrics.Retried("outbox");
        }
    }

    public void Received(InboundMessage message)
    {
        GatewayLog.Received(logger, message.MeshMessageId, message.Flow ?? message.WorkflowId, message.SenderMailbox, message.ItkCode, message.State.ToString());
        metrics.Received(message.Flow ?? message.WorkflowId, message.MeshMessageType == "REPORT" ? "report" : message.TransactionId is null ? "payload" : "response");
    }

    public void ResponseReceived(string transactionId, ResponseLevel level, string code, bool positive, string meshMessageId)
    {
        GatewayLog.ResponseReceived(logger, transactionId, level.ToString(), code, positive ? "positive" : "negative", meshMessageId);
        metrics.Response("in", level.ToString(), code);
    }

    public void ReportReceived(string? code, string? transactionId, string meshMessageId) => GatewayLog.ReportReceived(logger, code, transactionId, meshMessageId);

    public void InboundDeadLettered(string meshMessageId, string reason)
    {
        GatewayLog.InboundDeadLettered(logger, meshMessageId, reason);
        metrics.DeadLettered("inbox");
    }

    public void Delivered(string? meshMessageId, string? flow, string deliveryId) => GatewayLog.Delivered(logger, meshMessageId, flow, deliveryId);

    public void DeliveryFailed(string deliveryId, string? meshMessageId, int attempt, string code, bool deadLettered)
    {
        if (deadLettered)
        {
            GatewayLog.DeliveryDeadLettered(logger, deliveryId, meshMessageId, attempt, code);
            metrics.DeadLettered("delivery");
        }
        else
        {
            GatewayLog.DeliveryFailed(logger, deliveryId, meshMessageId, attempt, code);
            metrics.Retried("delivery");
        }
    }

    /// <summary>Logs and measures a transaction that reached a final state (complete, failed, timed out).</summary>
    public void Finished(OutboundTransaction transaction, DateTimeOffset at)
    {
        switch (transaction.State)
        {
            case TransactionState.Complete:
                GatewayLog.Completed(logger, transaction.Id, transaction.Flow);
                break;
            case TransactionState.TimedOut:
                GatewayLog.TimedOut(logger, transaction.Id, transaction.Flow, transaction.FailureDetail);
                break;
            default:
                GatewayLog.Failed(logger, transaction.Id, transaction.Flow, transaction.FailureCode, transaction.FailureDetail);
                break;
        }

        metrics.TransactionFinished(transaction.Flow, transaction.State.ToString(), at - transaction.CreatedAt);
    }

    /// <summary>Records a MESH call that worked (logs the recovery after an outage).</summary>
    public void MeshSucceeded(bool handshake = false)
    {
        if (status.MeshSucceeded(clock.GetUtcNow(), handshake) is { } outage)
        {
            GatewayLog.MeshRecovered(logger, outage.TotalSeconds);
        }
    }

    /// <summary>Records a MESH call that failed for want of MESH (logs the start of an outage once).</summary>
    public void MeshFailed(string operation, string code)
    {
        if (status.MeshFailed(clock.GetUtcNow()))
        {
            GatewayLog.MeshUnreachable(logger, operation, code);
        }
    }

    public void HandshakeSucceeded(string mailbox)
    {
        GatewayLog.HandshakeSucceeded(logger, mailbox);
        MeshSucceeded(handshake: true);
    }

    public void HandshakeFailed(string mailbox, string code)
    {
        GatewayLog.HandshakeFailed(logger, mailbox, code);
        MeshFailed("handshake", code);
    }

    public void LoopFailed(string loop, Exception error)
    {
        var code = (error as Store.GatewayStoreException)?.Error.ToString() ?? (error as Transport.TransportException)?.Code;
        if (error is Store.GatewayStoreException { Error: not Store.GatewayStoreError.Conflict } && status.StoreResult(code))
        {
            GatewayLog.StoreFailing(logger, code!);
        }

        GatewayLog.LoopFailed(logger, loop, error.GetType().Name, code);
    }

    public void StoreConflict(string loop, int attempt) => GatewayLog.StoreConflict(logger, loop, nameof(Store.GatewayStoreError.Conflict), attempt);

    public void LoopSucceeded()
    {
        if (status.StoreError is not null && status.StoreResult(null))
        {
            GatewayLog.StoreRecovered(logger);
        }
    }
}
