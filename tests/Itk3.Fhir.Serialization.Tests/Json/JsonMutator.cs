using System.Text;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Seeded damage to valid JSON, at the byte level (replace, delete, insert, duplicate, truncate: may break UTF-8) or
/// at the character level (JSON punctuation, escapes such as lone-surrogate <c>\uD800</c>, non-ASCII text).
/// </summary>
internal static class JsonMutator
{
    private static readonly byte[] InterestingBytes = "{}[]\":,\\0123456789-+.eEtruefalsnl _\u00e9 \n"u8.ToArray();
    private static readonly string[] InterestingText = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e400", "-0", "\\u0000", "\\uD800", "\\\"", "é", "😀", "_", "\"resourceType\":\"Patient\",", "{\"url\":\"u\"}", "[null]", "\"\""];

    public static byte[] Mutate(byte[] original, Random random) =>
        random.Next(2) == 0 ? MutateBytes(original, random) : MutateText(original, random);

    private static byte[] MutateBytes(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, InterestingBytes[random.Next(InterestingBytes.Length)]);
                    break;
                case 4:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(40));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] MutateText(byte[] original, Random random)
    {
        var text = new StringBuilder(Encoding.UTF8.GetString(original));
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text.Insert(at, InterestingText[random.Next(InterestingText.Length)]);
                    break;
                case 1:
                    text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(8)));
                    break;
                default:
                    text[at] = (char)random.Next(0x20, 0x3000);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
