namespace Itk3.Mesh.Server.Storage;

/// <summary>The metadata of one message (DATA or REPORT) as kept on disk; chunk bytes live in separate files.</summary>
internal sealed class StoredMessage
{
    public string MessageId { get; set; } = "";

    public string MessageType { get; set; } = "DATA";

    public string? Sender { get; set; }

    public string? Recipient { get; set; }

    public string? AddressedTo { get; set; }

    public string WorkflowId { get; set; } = "";

    public string? LocalId { get; set; }

    public string? Subject { get; set; }

    public string? FileName { get; set; }

    public string? PartnerId { get; set; }

    public string? Checksum { get; set; }

    public string ContentType { get; set; } = "application/octet-stream";

    public string? ContentCompressed { get; set; }

    public string? ContentEncrypted { get; set; }

    public string? ContentEncoding { get; set; }

    public int TotalChunks { get; set; }

    public int ReceivedChunks { get; set; }

    public long Size { get; set; }

    /// <summary>The size of the last chunk received, so that a retried last chunk replaces rather than adds to <see cref="Size"/>.</summary>
    public long LastChunkSize { get; set; }

    public MessageStatus Status { get; set; }

    public long Sequence { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? DownloadedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? LinkedMessageId { get; set; }

    public string? StatusCode { get; set; }

    public string? StatusEvent { get; set; }

    public string? StatusDescription { get; set; }

    public string StatusSuccess { get; set; } = "SUCCESS";

    public DateTimeOffset StatusTimestamp { get; set; }

    public bool IsReport => MessageType == "REPORT";

    /// <summary>The name the recipient sees: the sender's file name, else <c>{id}.dat</c>.</summary>
    public string EffectiveFileName => string.IsNullOrEmpty(FileName) ? MessageId + ".dat" : FileName;
}
