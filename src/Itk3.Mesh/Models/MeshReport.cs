namespace Itk3.Mesh.Models;

/// <summary>
/// A MESH REPORT (MESH.md §8): an asynchronous delivery failure about <paramref name="LinkedMessageId"/>, with the MESH
/// status code (e.g. 14 not collected, EPL-151 no mailbox matched), event and description. Download and acknowledge it
/// like any other message.
/// </summary>
public sealed record MeshReport(
    string MessageId,
    string? LinkedMessageId,
    string? StatusCode,
    string? StatusEvent,
    string? StatusDescription,
    bool IsSuccess,
    DateTimeOffset? StatusTimestamp,
    string? LocalId,
    string? WorkflowId,
    string? Subject);
