using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Server.Hosting;

/// <summary>Source-generated log messages. Never log bodies, GPPROVIDER addresses or other patient data.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "MESH server listening on {Address} with {MailboxCount} mailboxes")]
    public static partial void Listening(ILogger logger, string address, int mailboxCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Message {MessageId} accepted from {Sender} to {Recipient} on {WorkflowId} ({Chunks} chunks, {Size} bytes)")]
    public static partial void MessageAccepted(ILogger logger, string messageId, string? sender, string? recipient, string workflowId, int chunks, long size);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Message {MessageId} acknowledged by {Mailbox}")]
    public static partial void MessageAcknowledged(ILogger logger, string messageId, string mailbox);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Message {MessageId} failed with {Code}; REPORT {ReportId} sent to {Mailbox}")]
    public static partial void ReportCreated(ILogger logger, string messageId, string code, string reportId, string mailbox);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Expiry run: {Expired} messages expired, {Deleted} deleted")]
    public static partial void ExpiryRun(ILogger logger, int expired, int deleted);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Request to {Path} refused with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, string path, int status, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Store reset ({Scope}): {Count} messages removed")]
    public static partial void Reset(ILogger logger, string scope, int count);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Background expiry run failed")]
    public static partial void ExpiryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Critical, Message = "Message journal failed; changes are refused until the server restarts")]
    public static partial void JournalFailed(ILogger logger, Exception exception);
}
