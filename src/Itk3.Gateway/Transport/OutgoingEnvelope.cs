namespace Itk3.Gateway.Transport;

/// <summary>What to send: routing headers and the bytes.</summary>
/// <param name="To">The recipient mailbox (or a <c>GPPROVIDER_…</c> address).</param>
/// <param name="WorkflowId">The workflow id.</param>
/// <param name="Content">The bytes.</param>
public sealed record OutgoingEnvelope(string To, string WorkflowId, ReadOnlyMemory<byte> Content)
{
    /// <summary>The sender's local id (this gateway uses the ITK3 MessageHeader id).</summary>
    public string? LocalId { get; init; }

    /// <summary>A short subject without patient data.</summary>
    public string? Subject { get; init; }

    /// <summary>The content type, for example <c>application/fhir+json</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The bytes as a seekable stream read as they are sent (from the store), used instead of <see cref="Content"/> when set; the caller disposes it.</summary>
    public Stream? ContentStream { get; init; }
}
