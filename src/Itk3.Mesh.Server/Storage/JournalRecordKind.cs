namespace Itk3.Mesh.Server.Storage;

/// <summary>What a journal record holds.</summary>
internal enum JournalRecordKind : byte
{
    /// <summary>The full metadata of a message (UTF-8 JSON); the last one for an ID wins.</summary>
    Message = 1,

    /// <summary>The bytes of one small chunk, stored inline in the journal.</summary>
    Chunk = 2,

    /// <summary>A large chunk that lives in its own (already fsynced) file under <c>chunks/</c>.</summary>
    ChunkInFile = 3,

    /// <summary>The message and its chunks were deleted.</summary>
    Delete = 4,

    /// <summary>An NHSMESH token was used: payload its <c>mailbox:nonce:count</c> (UTF-8), number its minute (Unix minutes).</summary>
    Token = 5,
}
