namespace Itk3.Mesh.Server.Storage;

/// <summary>
/// Checks that a stored chunk is framed as gzip (RFC 1952) without inflating it: the member header (magic, deflate
/// method, no reserved flags), a valid first deflate block type when no optional fields follow the header, and room for
/// the 8-byte trailer. Reads at most 11 bytes, so it costs nothing per MiB; the CRC itself is checked by whoever inflates.
/// </summary>
internal static class GzipFraming
{
    /// <summary>The smallest gzip member: a 10-byte header, an empty deflate block (2 bytes) and the 8-byte trailer.</summary>
    public const int MinimumLength = 20;

    private const byte ReservedFlags = 0xE0;
    private const byte OptionalFieldFlags = 0x1E; // FHCRC, FEXTRA, FNAME, FCOMMENT

    /// <summary>True when <paramref name="chunk"/> starts like a gzip member and is long enough to hold one.</summary>
    public static bool IsPlausible(ChunkLocation chunk)
    {
        if (chunk.Length < MinimumLength)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[11];
        if (chunk.Pending is { } queued)
        {
            queued.AsSpan(0, head.Length).CopyTo(head);
        }
        else
        {
            using var handle = File.OpenHandle(chunk.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (RandomAccess.Read(handle, head, chunk.Offset) < head.Length)
            {
                return false;
            }
        }

        return IsPlausibleHeader(head);
    }

    /// <summary>Checks the first 11 bytes of a gzip member.</summary>
    public static bool IsPlausibleHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length < 11 || head[0] != 0x1F || head[1] != 0x8B || head[2] != 8 || (head[3] & ReservedFlags) != 0)
        {
            return false;
        }

        // Without optional fields the deflate data starts at byte 10; block type 3 (bits 1-2) is reserved.
        return (head[3] & OptionalFieldFlags) != 0 || ((head[10] >> 1) & 3) != 3;
    }
}
