using System.Text;

namespace Itk3.Fhir.Primitives;

/// <summary>
/// Translates an XSD pattern (XML Schema regular expression, implicitly anchored) into .NET syntax: anchored with
/// <c>\A</c>/<c>\z</c>, and <c>\s</c>/<c>\S</c> narrowed to XSD's four whitespace characters (space, tab, CR, LF).
/// The other constructs the STU3 patterns use mean the same in both dialects.
/// </summary>
internal static class XsdRegex
{
    private const string Space = @" \t\n\r";

    public static string ToDotNet(string pattern)
    {
        var result = new StringBuilder(@"\A(?:");
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                result.Append(next switch
                {
                    's' => inClass ? Space : $"[{Space}]",
                    'S' when !inClass => $"[^{Space}]",
                    'S' => throw new FormatException($"\\S inside a character class is not supported: {pattern}"),
                    _ => $"\\{next}",
                });
                continue;
            }

            inClass = c switch
            {
                '[' => true,
                ']' => false,
                _ => inClass,
            };
            result.Append(c);
        }

        return result.Append(@")\z").ToString();
    }
}
