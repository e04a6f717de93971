using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Delivery;
using Itk3.Mesh.Server.Storage;

namespace Itk3.Mesh.Server;

/// <summary>Test and operator controls of a running server: reset, inject a REPORT, run the expiry sweep.</summary>
public sealed class MeshAdmin
{
    private readonly MessageService _messages;
    private readonly MeshServerConfig _config;

    internal MeshAdmin(MessageService messages, MeshServerConfig config)
    {
        _messages = messages;
        _config = config;
    }

    /// <summary>Deletes every message; returns how many were removed.</summary>
    public Task<int> ResetAsync(CancellationToken ct = default) => _messages.ResetAsync(null, ct);

    /// <summary>Deletes every message sent by or to one mailbox; returns how many were removed.</summary>
    public Task<int> ResetMailboxAsync(string mailboxId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        return _messages.ResetAsync(mailboxId.ToUpperInvariant(), ct);
    }

    /// <summary>Puts a REPORT into a configured mailbox's inbox; returns the REPORT's message ID.</summary>
    public Task<string> InjectReportAsync(MeshReportRequest report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var mailbox = report.MailboxId.ToUpperInvariant();
        if (_config.FindMailbox(mailbox) is null)
        {
            throw new ArgumentException($"'{report.MailboxId}' is not a configured mailbox.", nameof(report));
        }

        var about = new StoredMessage
        {
            Recipient = mailbox,
            WorkflowId = report.WorkflowId,
            LocalId = report.LocalId,
            Subject = report.Subject,
            FileName = report.FileName,
            LinkedMessageId = report.LinkedMessageId,
        };
        var details = new ReportDetails(report.Event ?? "", report.Code ?? "", report.Description ?? "");
        return _messages.InjectReportAsync(about, details, ct);
    }

    /// <summary>
    /// Expires every message left uncollected longer than the inbox limit at the server's current (injected) time,
    /// sending each sender a REPORT with code 14, and deletes messages past retention; returns how many expired.
    /// </summary>
    public Task<int> RunExpiryAsync(CancellationToken ct = default) => _messages.RunExpiryAsync(ct);
}
