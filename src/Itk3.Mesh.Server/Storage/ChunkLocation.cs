namespace Itk3.Mesh.Server.Storage;

/// <summary>Where a chunk's bytes are: in memory (queued for the journal), a slice of the journal, or a whole file.</summary>
internal sealed record ChunkLocation(string Path, long Offset, long Length, byte[]? Pending, bool InJournal)
{
    public static ChunkLocation Queued(byte[] bytes) => new("", 0, bytes.Length, bytes, InJournal: false);

    public static ChunkLocation JournalSlice(string path, long offset, long length) => new(path, offset, length, null, InJournal: true);

    public static ChunkLocation WholeFile(string path) => new(path, 0, new FileInfo(path).Length, null, InJournal: false);

    /// <summary>Reads the chunk as a stream (a journal slice is small, so it is read into memory).</summary>
    public Stream OpenRead()
    {
        if (Pending is not null)
        {
            return new MemoryStream(Pending, writable: false);
        }

        return InJournal ? new MemoryStream(ReadSlice(), writable: false) : File.OpenRead(Path);
    }

    /// <summary>The bytes of a journal slice.</summary>
    public byte[] ReadSlice()
    {
        using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), Offset + read);
            if (n == 0)
            {
                throw new EndOfStreamException("Journal slice is shorter than recorded.");
            }

            read += n;
        }

        return bytes;
    }
}
