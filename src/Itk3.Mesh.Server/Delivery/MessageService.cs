using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Hosting;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Storage;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Server.Delivery;

/// <summary>The message life cycle: upload, completion and routing, download, acknowledgement, expiry and REPORTs.</summary>
internal sealed class MessageService(
    MessageStore store, MeshServerConfig config, TimeProvider time, MessageIdGenerator ids, GpProviderRouter router, ILogger logger)
{
    public const string ExpiryDescription = "Message not collected by recipient after 5 days";

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>A message ID not yet in the store (a restarted server with a seeded random source may repeat one).</summary>
    public string NewMessageId()
    {
        var id = ids.Next();
        while (store.Find(id) is not null)
        {
            id = ids.Next();
        }

        return id;
    }

    /// <summary>Records chunk 1 of a new message (already written to the store) and completes it if it has one chunk.</summary>
    public async Task AcceptFirstChunkAsync(StoredMessage message, CancellationToken ct)
    {
        Task commit;
        await store.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            message.UploadedAt = Now;
            message.Status = MessageStatus.Uploading;
            message.ReceivedChunks = 1;
            message.LastChunkSize = message.Size;
            message.StatusTimestamp = Now;
            commit = message.TotalChunks == 1 ? Complete(message) : store.Save(message, durable: true);
        }
        finally
        {
            store.Gate.Release();
        }

        // The 202 waits for the group commit, outside the gate so that concurrent sends share one fsync.
        await commit.ConfigureAwait(false);
    }

    /// <summary>Records chunk <paramref name="number"/> (already written) of an uploading message; completes it on the last.</summary>
    public async Task<MeshError?> AcceptChunkAsync(string messageId, int number, long chunkSize, CancellationToken ct)
    {
        Task commit;
        await store.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var message = store.Find(messageId);
            if (message is null || message.Status != MessageStatus.Uploading)
            {
                return MeshError.AlreadyComplete;
            }

            if (number < message.ReceivedChunks || number > message.ReceivedChunks + 1)
            {
                return MeshError.InvalidChunks;
            }

            var retry = number == message.ReceivedChunks;
            var size = message.Size - (retry ? message.LastChunkSize : 0) + chunkSize;
            if (size > config.Limits.MaxMessageBytes)
            {
                return MeshError.TooLarge;
            }

            message.ReceivedChunks = number;
            message.Size = size;
            message.LastChunkSize = chunkSize;
            commit = message.ReceivedChunks == message.TotalChunks ? Complete(message) : store.Save(message, durable: true);
        }
        finally
        {
            store.Gate.Release();
        }

        await commit.ConfigureAwait(false);
        return null;
    }

    /// <summary>Marks a delivered message as downloaded (first download time only); not waited for: losing it in a crash is harmless.</summary>
    public Task MarkDownloadedAsync(StoredMessage message, CancellationToken ct) =>
        message.DownloadedAt is not null ? Task.CompletedTask : UpdateAsync(message.MessageId, m => m.DownloadedAt ??= Now, ct);

    /// <summary>
    /// Acknowledges a message (idempotent): it leaves the inbox and can no longer be downloaded. The record goes out with the
    /// next group commit without being waited for: an acknowledgement lost in a crash redelivers the message (at-least-once).
    /// </summary>
    public Task AcknowledgeAsync(StoredMessage message, string mailbox, CancellationToken ct)
    {
        if (message.Status == MessageStatus.Acknowledged)
        {
            return Task.CompletedTask;
        }

        ServerLog.MessageAcknowledged(logger, message.MessageId, mailbox);
        return UpdateAsync(message.MessageId, m =>
        {
            m.Status = MessageStatus.Acknowledged;
            m.AcknowledgedAt = Now;
        }, ct);
    }

    /// <summary>Puts a REPORT in a mailbox's inbox (admin injection); returns its message ID.</summary>
    public async Task<string> InjectReportAsync(StoredMessage template, ReportDetails details, CancellationToken ct)
    {
        StoredMessage report;
        Task commit;
        await store.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            report = CreateReport(template, template.Recipient!, details);
            commit = store.Save(report, durable: true);
        }
        finally
        {
            store.Gate.Release();
        }

        await commit.ConfigureAwait(false);
        return report.MessageId;
    }

    /// <summary>Expires messages left uncollected past the inbox limit (REPORT code 14 to the sender) and deletes old ones.</summary>
    public async Task<int> RunExpiryAsync(CancellationToken ct)
    {
        List<StoredMessage> due;
        var commits = new List<Task>();
        await store.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = Now;
            var expiry = TimeSpan.FromDays(config.Limits.InboxExpiryDays);
            due = store.Messages.Where(m => m.Status == MessageStatus.Accepted && m.AcceptedAt + expiry <= now).ToList();
            commits.AddRange(due.Select(Expire));
            var retention = TimeSpan.FromDays(config.Limits.RetentionDays);
            var old = store.Messages.Where(m => m.UploadedAt + retention <= now).Select(m => m.MessageId).ToList();
            commits.AddRange(old.Select(id => store.Delete(id, durable: true)));
            ServerLog.ExpiryRun(logger, due.Count, old.Count);
        }
        finally
        {
            store.Gate.Release();
        }

        await Task.WhenAll(commits).ConfigureAwait(false);
        return due.Count;
    }

    /// <summary>Deletes every message, or those sent by or to one mailbox.</summary>
    public async Task<int> ResetAsync(string? mailbox, CancellationToken ct)
    {
        List<Task> commits;
        await store.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var doomed = store.Messages
                .Where(m => mailbox is null || m.Recipient == mailbox || m.Sender == mailbox)
                .Select(m => m.MessageId).ToList();
            commits = doomed.Select(id => store.Delete(id, durable: true)).ToList();
            ServerLog.Reset(logger, mailbox ?? "all", doomed.Count);
        }
        finally
        {
            store.Gate.Release();
        }

        await Task.WhenAll(commits).ConfigureAwait(false);
        return commits.Count;
    }

    private Task Expire(StoredMessage message)
    {
        var details = new ReportDetails("TRANSFER", "14", ExpiryDescription);
        SetStatus(message, MessageStatus.Undeliverable, details);
        var commit = store.Save(message, durable: true);
        if (!message.IsReport && message.Sender is not null)
        {
            commit = store.Save(CreateReport(message, message.Sender, details), durable: true);
        }

        return commit;
    }

    /// <summary>
    /// Routes and accepts a complete message (under the gate); the task is its commit (the journal is ordered, so the last
    /// record's). The accepted message (or the REPORT of a failed route) becomes visible, in the inbox and to tracking by
    /// local id, only once that commit is durable: a failed commit leaves the sender's 500 the whole truth.
    /// </summary>
    private Task Complete(StoredMessage uploaded)
    {
        var message = MessageStore.Copy(uploaded);
        if (message.Recipient is null && message.AddressedTo is not null)
        {
            var route = router.Resolve(message.AddressedTo, message.WorkflowId);
            if (!route.Succeeded)
            {
                var details = new ReportDetails("SEND", route.ErrorCode!, route.ErrorDescription!);
                SetStatus(message, MessageStatus.Error, details);
                _ = store.SaveVisibleWhenDurable(message);
                return store.SaveVisibleWhenDurable(CreateReport(message, message.Sender!, details));
            }

            message.Recipient = route.Mailbox;
        }

        SetStatus(message, MessageStatus.Accepted, new ReportDetails("TRANSFER", "00", "Transferred to recipient mailbox", "SUCCESS"));
        message.AcceptedAt = Now;
        message.Sequence = store.NextSequence();
        var commit = store.SaveVisibleWhenDurable(message);
        ServerLog.MessageAccepted(logger, message.MessageId, message.Sender, message.Recipient, message.WorkflowId, message.TotalChunks, message.Size);
        return commit;
    }

    /// <summary>Creates a REPORT in memory (under the gate); the caller saves it.</summary>
    private StoredMessage CreateReport(StoredMessage about, string recipient, ReportDetails details)
    {
        var report = new StoredMessage
        {
            MessageId = NewMessageId(),
            MessageType = "REPORT",
            Recipient = recipient,
            WorkflowId = about.WorkflowId,
            LocalId = about.LocalId,
            Subject = about.Subject,
            FileName = about.FileName,
            LinkedMessageId = about.IsReport || about.MessageId.Length == 0 ? about.LinkedMessageId : about.MessageId,
            UploadedAt = Now,
            AcceptedAt = Now,
            Sequence = store.NextSequence(),
        };
        SetStatus(report, MessageStatus.Accepted, details);
        ServerLog.ReportCreated(logger, report.LinkedMessageId ?? "-", details.Code, report.MessageId, recipient);
        return report;
    }

    private void SetStatus(StoredMessage message, MessageStatus status, ReportDetails details)
    {
        message.Status = status;
        message.StatusEvent = details.Event;
        message.StatusCode = details.Code;
        message.StatusDescription = details.Description;
        message.StatusSuccess = details.StatusSuccess;
        message.StatusTimestamp = Now;
    }

    /// <summary>Applies a change whose durability can wait for the next group commit (download and acknowledge state).</summary>
    private async Task UpdateAsync(string messageId, Action<StoredMessage> change, CancellationToken ct)
    {
        await store.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (store.Find(messageId) is { } current)
            {
                change(current);
                _ = store.Save(current, durable: false);
            }
        }
        finally
        {
            store.Gate.Release();
        }
    }
}
