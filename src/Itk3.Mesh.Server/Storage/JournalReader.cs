using System.Buffers.Binary;

namespace Itk3.Mesh.Server.Storage;

/// <summary>Replays a journal file record by record, stopping at the first torn or corrupt record.</summary>
internal static class JournalReader
{
    /// <summary>Calls <paramref name="apply"/> for each valid record; returns the length of the valid prefix.</summary>
    public static async Task<long> ReplayAsync(string path, Action<JournalEntry> apply, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        var header = new byte[JournalFormat.FrameHeader];
        long valid = 0;
        while (true)
        {
            if (!await ReadExactlyAsync(file, header, ct).ConfigureAwait(false))
            {
                return valid;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (length < 6 || length > JournalFormat.MaxBody || valid + JournalFormat.FrameHeader + length > file.Length)
            {
                return valid;
            }

            var body = new byte[length];
            if (!await ReadExactlyAsync(file, body, ct).ConfigureAwait(false) || Crc32.Append(0, body) != crc)
            {
                return valid;
            }

            var entry = JournalFormat.Decode(body, valid + JournalFormat.FrameHeader);
            if (entry is null)
            {
                return valid;
            }

            apply(entry);
            valid += JournalFormat.FrameHeader + length;
        }
    }

    private static async Task<bool> ReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        return read == buffer.Length;
    }
}
