namespace Itk3.Mesh.Models;

/// <summary>The message ID the server assigned, and how many chunks were uploaded.</summary>
public sealed record MeshSendResult(string MessageId, int ChunkCount);
