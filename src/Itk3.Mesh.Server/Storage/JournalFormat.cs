using System.Buffers.Binary;
using System.Text;

namespace Itk3.Mesh.Server.Storage;

/// <summary>
/// The record framing: <c>[int32 body length][uint32 CRC-32 of body][body]</c>, body =
/// <c>[kind][id length][id ASCII][int32 number][payload]</c>, little-endian. A record whose length or CRC does not
/// check out is a torn write: it and everything after it are ignored.
/// </summary>
internal static class JournalFormat
{
    public const int FrameHeader = 8;

    /// <summary>Larger bodies are treated as corruption.</summary>
    public const int MaxBody = 64 * 1024 * 1024;

    /// <summary>The frame header plus the body prefix (everything before the payload).</summary>
    public static byte[] Prefix(JournalRecord record)
    {
        var id = Encoding.ASCII.GetBytes(record.MessageId);
        var prefix = new byte[FrameHeader + 2 + id.Length + 4];
        var body = prefix.AsSpan(FrameHeader);
        body[0] = (byte)record.Kind;
        body[1] = checked((byte)id.Length);
        id.CopyTo(body[2..]);
        BinaryPrimitives.WriteInt32LittleEndian(body[(2 + id.Length)..], record.Number);
        var crc = Crc32.Append(Crc32.Append(0, body), record.Payload.Span);
        BinaryPrimitives.WriteInt32LittleEndian(prefix, body.Length + record.Payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(4), crc);
        return prefix;
    }

    /// <summary>Decodes a body whose CRC was checked; <paramref name="bodyOffset"/> is its position in the file.</summary>
    public static JournalEntry? Decode(ReadOnlySpan<byte> body, long bodyOffset)
    {
        if (body.Length < 6 || body[1] + 6 > body.Length || !Enum.IsDefined((JournalRecordKind)body[0]))
        {
            return null;
        }

        var idLength = body[1];
        var id = Encoding.ASCII.GetString(body.Slice(2, idLength));
        var number = BinaryPrimitives.ReadInt32LittleEndian(body[(2 + idLength)..]);
        var payloadStart = 6 + idLength;
        var kind = (JournalRecordKind)body[0];
        var payload = kind is JournalRecordKind.Message or JournalRecordKind.Token ? body[payloadStart..].ToArray() : null;
        return new JournalEntry(kind, id, number, bodyOffset + payloadStart, body.Length - payloadStart, payload);
    }
}
