namespace Itk3.Mesh.Models;

/// <summary>
/// What to send (MESH.md §6.1): recipient and workflow are required; the rest is passed through to the recipient.
/// <see cref="Compress"/> gzips each chunk independently for transport; <see cref="Chunk"/> and <see cref="ChunkSize"/>
/// override the client's send profiles and default for this message.
/// </summary>
public sealed record MeshSendRequest(string To, string WorkflowId)
{
    /// <summary>Free-text subject (no personal data).</summary>
    public string? Subject { get; init; }

    /// <summary>Your own reference, shown in tracking and REPORTs (never personal data).</summary>
    public string? LocalId { get; init; }

    /// <summary>Original file name.</summary>
    public string? FileName { get; init; }

    /// <summary>Partner ID.</summary>
    public string? PartnerId { get; init; }

    /// <summary>Media type of the whole message, sent as Content-Type (single chunk) and mex-Content-Type.</summary>
    public string? ContentType { get; init; }

    /// <summary>Your checksum of the content, e.g. <c>md5:0123abcd</c>.</summary>
    public string? ContentChecksum { get; init; }

    /// <summary>Sets mex-Content-Encrypted: Y.</summary>
    public bool ContentEncrypted { get; init; }

    /// <summary>Sets mex-Content-Compressed: Y (the payload itself is compressed; not transport gzip).</summary>
    public bool ContentCompressed { get; init; }

    /// <summary>Gzip each chunk for transport (Content-Encoding: gzip); null: the matching send profile decides, else no.</summary>
    public bool? Compress { get; init; }

    /// <summary>False sends the message as one request whatever its size; null: the matching send profile decides, else yes.</summary>
    public bool? Chunk { get; init; }

    /// <summary>Chunk size in bytes for this message; null: the matching send profile, else the client option.</summary>
    public int? ChunkSize { get; init; }
}
