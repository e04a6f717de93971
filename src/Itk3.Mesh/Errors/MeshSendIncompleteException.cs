namespace Itk3.Mesh.Errors;

/// <summary>
/// A chunked send that MESH accepted (it has a message ID) but whose chunk <see cref="FailedChunk"/> could not be
/// uploaded even after retries. The message stays "uploading" and invisible to the recipient; the cause is the inner
/// exception (<see cref="MeshApiException"/> or <see cref="HttpRequestException"/>).
/// </summary>
public sealed class MeshSendIncompleteException : Exception
{
    /// <summary>Creates the error for <paramref name="messageId"/>, failed at chunk <paramref name="failedChunk"/>.</summary>
    public MeshSendIncompleteException(string messageId, int failedChunk, int totalChunks, Exception inner)
        : base($"MESH message {messageId}: chunk {failedChunk} of {totalChunks} could not be uploaded.", inner)
    {
        MessageId = messageId;
        FailedChunk = failedChunk;
        TotalChunks = totalChunks;
    }

    /// <summary>The message ID MESH assigned on chunk 1.</summary>
    public string MessageId { get; }

    /// <summary>The chunk (2..N) that failed.</summary>
    public int FailedChunk { get; }

    /// <summary>The number of chunks announced on chunk 1.</summary>
    public int TotalChunks { get; }
}
