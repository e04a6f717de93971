namespace Itk3.Mesh.Models;

/// <summary>
/// The <c>mex-*</c> headers of a downloaded (or HEAD) message (MESH.md §6.3) as typed values, plus every <c>mex-*</c>
/// header received, keyed case-insensitively by its full name.
/// </summary>
public sealed record MeshMessageMetadata
{
    /// <summary>The message ID.</summary>
    public required string MessageId { get; init; }

    /// <summary>DATA, REPORT or unknown; always check it.</summary>
    public required MeshMessageType MessageType { get; init; }

    /// <summary>Sender mailbox (absent on REPORTs).</summary>
    public string? From { get; init; }

    /// <summary>Recipient mailbox.</summary>
    public string? To { get; init; }

    /// <summary>Workflow ID.</summary>
    public string? WorkflowId { get; init; }

    /// <summary>Subject, as sent.</summary>
    public string? Subject { get; init; }

    /// <summary>Sender's local ID, as sent.</summary>
    public string? LocalId { get; init; }

    /// <summary>File name, as sent.</summary>
    public string? FileName { get; init; }

    /// <summary>Partner ID, as sent.</summary>
    public string? PartnerId { get; init; }

    /// <summary>The chunk this response carries (1-based; 1 for HEAD).</summary>
    public int ChunkNumber { get; init; } = 1;

    /// <summary>Total number of chunks (0 for a REPORT).</summary>
    public int TotalChunks { get; init; } = 1;

    /// <summary>The original media type of the whole message (mex-Content-Type, else Content-Type).</summary>
    public string? ContentType { get; init; }

    /// <summary>Sender's checksum, passed through.</summary>
    public string? ContentChecksum { get; init; }

    /// <summary>Sender says the payload itself is compressed (advice only; transport gzip is separate).</summary>
    public bool ContentCompressed { get; init; }

    /// <summary>Sender says the payload is encrypted.</summary>
    public bool ContentEncrypted { get; init; }

    /// <summary>Status code: 00 for DATA, the MESH error code on a REPORT.</summary>
    public string? StatusCode { get; init; }

    /// <summary>Status event, e.g. TRANSFER.</summary>
    public string? StatusEvent { get; init; }

    /// <summary>Status description.</summary>
    public string? StatusDescription { get; init; }

    /// <summary>True when mex-StatusSuccess is SUCCESS.</summary>
    public bool StatusSuccess { get; init; }

    /// <summary>Status time (UTC) when present and well formed.</summary>
    public DateTimeOffset? StatusTimestamp { get; init; }

    /// <summary>REPORT only: the message the report is about.</summary>
    public string? LinkedMessageId { get; init; }

    /// <summary>Address type (always ALL on MESH).</summary>
    public string? AddressType { get; init; }

    /// <summary>Control-file version (1.0 on MESH).</summary>
    public string? Version { get; init; }

    /// <summary>Every mex-* header received, case-insensitive keys.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a REPORT message.</summary>
    public bool IsReport => MessageType == MeshMessageType.Report;

    /// <summary>The REPORT view of this message, or null when it is not a REPORT.</summary>
    public MeshReport? Report => IsReport
        ? new MeshReport(MessageId, LinkedMessageId, StatusCode, StatusEvent, StatusDescription, StatusSuccess,
            StatusTimestamp, LocalId, WorkflowId, Subject)
        : null;
}
