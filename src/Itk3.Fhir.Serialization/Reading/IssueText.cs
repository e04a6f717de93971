using System.Buffers;
using System.Globalization;
using System.Text;

namespace Itk3.Fhir.Serialization.Reading;

/// <summary>Makes text from the input safe to print: control and bidirectional-override characters become <c>\uXXXX</c>.</summary>
internal static class IssueText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    /// <summary>The text with every unsafe character escaped; the same instance when there is none.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Unsafe) < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Unsafe.Contains(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
