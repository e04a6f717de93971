namespace Itk3.Fhir.Serialization.Reading;

/// <summary>Recognises UTF-16 input (a byte order mark, or a zero byte beside the first ASCII character).</summary>
internal static class Utf16Text
{
    /// <summary>True when the bytes look like UTF-16 (either byte order).</summary>
    public static bool IsUtf16(ReadOnlySpan<byte> content) =>
        content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)
            || (content[0] == 0) != (content[1] == 0));

    /// <summary>The first character that is not whitespace, decoded as UTF-16 in the byte order found; '\0' when none.</summary>
    public static char FirstSignificant(ReadOnlySpan<byte> content)
    {
        var bigEndian = content[0] == 0xFE || content[0] == 0;
        var start = content[0] is 0xFF or 0xFE ? 2 : 0;
        for (var i = start; i + 1 < content.Length; i += 2)
        {
            var c = (char)(bigEndian ? (content[i] << 8) | content[i + 1] : content[i] | (content[i + 1] << 8));
            if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                return c;
            }
        }

        return '\0';
    }
}
