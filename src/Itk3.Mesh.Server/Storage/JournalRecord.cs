namespace Itk3.Mesh.Server.Storage;

/// <summary>
/// One record to append. <paramref name="Written"/> is called, after the record is on disk, with the journal file and
/// the file offset of <paramref name="Payload"/>.
/// </summary>
internal sealed record JournalRecord(
    JournalRecordKind Kind, string MessageId, int Number, ReadOnlyMemory<byte> Payload, Action<string, long>? Written = null);
