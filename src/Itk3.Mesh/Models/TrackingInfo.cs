namespace Itk3.Mesh.Models;

/// <summary>
/// Tracking of a message this mailbox sent (MESH.md §8). <see cref="Status"/> is lower-case: uploading, accepted,
/// acknowledged, undeliverable or error. Absent fields are null.
/// </summary>
public sealed record TrackingInfo
{
    /// <summary>The message ID.</summary>
    public required string MessageId { get; init; }

    /// <summary>Delivery status, lower-case (uploading, accepted, acknowledged, undeliverable, error).</summary>
    public required string Status { get; init; }

    /// <summary>True unless the message failed.</summary>
    public bool? StatusSuccess { get; init; }

    /// <summary>Error code when there is an error event.</summary>
    public string? StatusCode { get; init; }

    /// <summary>Error event when there is one.</summary>
    public string? StatusEvent { get; init; }

    /// <summary>Error description when there is one.</summary>
    public string? StatusDescription { get; init; }

    /// <summary>Sender's local ID.</summary>
    public string? LocalId { get; init; }

    /// <summary>Workflow ID.</summary>
    public string? WorkflowId { get; init; }

    /// <summary>File name.</summary>
    public string? FileName { get; init; }

    /// <summary>Recipient mailbox.</summary>
    public string? Recipient { get; init; }

    /// <summary>Recipient mailbox name.</summary>
    public string? RecipientName { get; init; }

    /// <summary>Recipient's ODS code.</summary>
    public string? RecipientOdsCode { get; init; }

    /// <summary>When the upload happened (ISO or yyyyMMddHHmmss in the source).</summary>
    public DateTimeOffset? UploadTimestamp { get; init; }

    /// <summary>When the message expires from the inbox.</summary>
    public DateTimeOffset? ExpiryTime { get; init; }

    /// <summary>Status time when present.</summary>
    public DateTimeOffset? StatusTimestamp { get; init; }
}
