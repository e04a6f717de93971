namespace Itk3.Mesh.Server.Storage;

/// <summary>A record read back from the journal: chunk bytes stay on disk (offset and length); metadata JSON is loaded.</summary>
internal sealed record JournalEntry(
    JournalRecordKind Kind, string MessageId, int Number, long PayloadOffset, int PayloadLength, byte[]? Payload);
