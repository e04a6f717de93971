using System.Buffers.Text;

namespace Itk3.Fhir.Primitives;

/// <summary>The <c>xs:base64Binary</c> lexical form: base64 characters in groups of four, padding only at the end, whitespace anywhere.</summary>
internal static class Base64Form
{
    public static bool IsValid(string value)
    {
        // The vectorised check accepts a subset of this form (same alphabet, whitespace and trailing padding), so a
        // large attachment is usually settled without the per-character loop, which stays the definition.
        if (value.Length > 256 && Base64.IsValid(value))
        {
            return true;
        }

        var significant = 0;
        var padding = 0;
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/'))
            {
                return false;
            }

            significant++;
        }

        return significant % 4 == 0 && padding <= 2;
    }
}
