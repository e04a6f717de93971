namespace Itk3.Gateway.Transport;

/// <summary>A downloaded message: routing headers and its bytes.</summary>
/// <param name="MessageId">The transport's message id.</param>
/// <param name="IsReport">Whether it is a transport report (MESH REPORT) rather than data.</param>
/// <param name="From">The sender mailbox.</param>
/// <param name="To">The recipient mailbox.</param>
/// <param name="WorkflowId">The workflow id, when present.</param>
/// <param name="Content">The bytes (empty for most reports).</param>
public sealed record IncomingEnvelope(string MessageId, bool IsReport, string From, string To, string? WorkflowId, ReadOnlyMemory<byte> Content)
{
    /// <summary>The sender's local id, when present.</summary>
    public string? LocalId { get; init; }

    /// <summary>The subject, when present.</summary>
    public string? Subject { get; init; }

    /// <summary>The file name, when present.</summary>
    public string? FileName { get; init; }

    /// <summary>A report's linked message id (the message it reports on).</summary>
    public string? LinkedMessageId { get; init; }

    /// <summary>A report's status code (for example an EPL code).</summary>
    public string? StatusCode { get; init; }

    /// <summary>A report's status description.</summary>
    public string? StatusDescription { get; init; }

    /// <summary>Whether a report says the message was delivered.</summary>
    public bool StatusSuccess { get; init; }
}
