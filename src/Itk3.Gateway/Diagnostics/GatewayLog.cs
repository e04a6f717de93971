using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Diagnostics;

/// <summary>The node's log events (source-generated); ids are stable and listed in docs/operations.md. No payload, name or NHS number is ever an argument.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Transaction {TransactionId} submitted on {Flow} to {Recipient}")]
    public static partial void Submitted(ILogger logger, string transactionId, string flow, string recipient);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Transaction {TransactionId} sent on {Flow}: MESH message {MeshMessageId}")]
    public static partial void Sent(ILogger logger, string? transactionId, string flow, string meshMessageId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Response {ItkCode} sent on {Flow}: MESH message {MeshMessageId} (transaction {TransactionId})")]
    public static partial void ResponseSent(ILogger logger, string? itkCode, string flow, string meshMessageId, string? transactionId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Send of outbox item {OutboxItemId} on {Flow} failed (attempt {Attempt}): {ErrorCode}; transaction {TransactionId}")]
    public static partial void SendFailed(ILogger logger, string outboxItemId, string flow, int attempt, string errorCode, string? transactionId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Send of outbox item {OutboxItemId} on {Flow} dead-lettered after {Attempt} attempts: {ErrorCode}; transaction {TransactionId}")]
    public static partial void SendDeadLettered(ILogger logger, string outboxItemId, string flow, int attempt, string errorCode, string? transactionId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Received MESH message {MeshMessageId} on {Flow} from {FromMailbox}: {ItkCode} {InboundState}")]
    public static partial void Received(ILogger logger, string meshMessageId, string? flow, string fromMailbox, string? itkCode, string inboundState);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Transaction {TransactionId}: {Level} response {ItkCode} ({Outcome}) received (response message {ResponseMessageId})")]
    public static partial void ResponseReceived(ILogger logger, string transactionId, string level, string itkCode, string outcome, string responseMessageId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "MESH report {ItkCode} received for transaction {TransactionId} in MESH message {MeshMessageId}")]
    public static partial void ReportReceived(ILogger logger, string? itkCode, string? transactionId, string meshMessageId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Received MESH message {MeshMessageId} dead-lettered: {Reason}")]
    public static partial void InboundDeadLettered(ILogger logger, string meshMessageId, string reason);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Delivered MESH message {MeshMessageId} on {Flow} to the application (delivery {DeliveryId})")]
    public static partial void Delivered(ILogger logger, string? meshMessageId, string? flow, string deliveryId);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} of MESH message {MeshMessageId} failed (attempt {Attempt}): {ErrorCode}")]
    public static partial void DeliveryFailed(ILogger logger, string deliveryId, string? meshMessageId, int attempt, string errorCode);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Error, Message = "Delivery {DeliveryId} of MESH message {MeshMessageId} dead-lettered after {Attempt} attempts: {ErrorCode}")]
    public static partial void DeliveryDeadLettered(ILogger logger, string deliveryId, string? meshMessageId, int attempt, string errorCode);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Transaction {TransactionId} on {Flow} complete")]
    public static partial void Completed(ILogger logger, string transactionId, string flow);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Transaction {TransactionId} on {Flow} failed: {ItkCode} ({Reason})")]
    public static partial void Failed(ILogger logger, string transactionId, string flow, string? itkCode, string? reason);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Warning, Message = "Transaction {TransactionId} on {Flow} timed out: {Reason}")]
    public static partial void TimedOut(ILogger logger, string transactionId, string flow, string? reason);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Error, Message = "MESH unreachable ({Operation}): {ErrorCode}")]
    public static partial void MeshUnreachable(ILogger logger, string operation, string errorCode);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Information, Message = "MESH reachable again after {OutageSeconds:0} s")]
    public static partial void MeshRecovered(ILogger logger, double outageSeconds);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Information, Message = "MESH handshake for mailbox {Mailbox} succeeded")]
    public static partial void HandshakeSucceeded(ILogger logger, string mailbox);

    [LoggerMessage(EventId = 1043, Level = LogLevel.Error, Message = "MESH handshake for mailbox {Mailbox} failed: {ErrorCode}")]
    public static partial void HandshakeFailed(ILogger logger, string mailbox, string errorCode);

    [LoggerMessage(EventId = 1050, Level = LogLevel.Error, Message = "The {Loop} loop failed and carries on after a pause: {ErrorType} {ErrorCode}")]
    public static partial void LoopFailed(ILogger logger, string loop, string errorType, string? errorCode);

    [LoggerMessage(EventId = 1051, Level = LogLevel.Error, Message = "The store is failing: {ErrorCode}")]
    public static partial void StoreFailing(ILogger logger, string errorCode);

    [LoggerMessage(EventId = 1052, Level = LogLevel.Information, Message = "The store works again")]
    public static partial void StoreRecovered(ILogger logger);

    [LoggerMessage(EventId = 1053, Level = LogLevel.Warning, Message = "A unit of work of the {Loop} lost a lock conflict with another instance ({ErrorCode}), was rolled back whole and runs again (attempt {Attempt})")]
    public static partial void StoreConflict(ILogger logger, string loop, string errorCode, int attempt);

    [LoggerMessage(EventId = 1090, Level = LogLevel.Warning, Message = "Submission on {Flow} refused by profile validation: {ErrorCount} error(s), first {FirstCode} at {FirstElement} of {FirstProfile}")]
    public static partial void SubmitRefusedByProfiles(ILogger logger, string flow, int errorCount, string firstCode, string? firstElement, string? firstProfile);

    [LoggerMessage(EventId = 1091, Level = LogLevel.Information, Message = "Transaction {TransactionId} on {Flow} passed profile validation with {WarningCount} warning(s) and {NotCheckedCount} item(s) not checked")]
    public static partial void SubmitValidated(ILogger logger, string transactionId, string flow, int warningCount, int notCheckedCount);

    [LoggerMessage(EventId = 1080, Level = LogLevel.Information, Message = "Retention purge blanked {InboundMessages} received message(s), {OutboxItems} outbox item(s), {Deliveries} delivery(ies) ({Bytes} bytes) and deleted {DropFolderFiles} drop-folder archive file(s)")]
    public static partial void Purged(ILogger logger, int inboundMessages, int outboxItems, int deliveries, long bytes, int dropFolderFiles);

    [LoggerMessage(EventId = 1081, Level = LogLevel.Error, Message = "Retention purge failed and runs again at the next interval: {ErrorType}")]
    public static partial void PurgeFailed(ILogger logger, string errorType);
}
