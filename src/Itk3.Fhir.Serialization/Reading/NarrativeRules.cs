namespace Itk3.Fhir.Serialization.Reading;

/// <summary>The narrative rules shared by <see cref="NarrativeChecker"/> and <see cref="FastXhtmlChecker"/>, on spans.</summary>
internal static class NarrativeRules
{
    /// <summary>
    /// The elements FHIR forbids in a narrative (compared ignoring case): STU3 narrative.html, "SHALL NOT contain a head,
    /// a body element, external stylesheet references, deprecated elements, scripts, forms, base/link/xlink, frames,
    /// iframes and objects".
    /// </summary>
    public static readonly string[] DisallowedElements =
        ["script", "noscript", "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend",
         "iframe", "frame", "frameset", "object", "param", "embed", "applet", "base", "link", "meta", "style", "html", "head", "body", "title"];

    /// <summary>True when the element name is one FHIR forbids.</summary>
    public static bool IsDisallowedElement(ReadOnlySpan<char> name)
    {
        if (name.Length is < 4 or > 8)
        {
            return false;
        }

        foreach (var disallowed in DisallowedElements)
        {
            if (name.Equals(disallowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for an event-handler attribute (<c>onclick</c>...): an unprefixed name starting with "on".</summary>
    public static bool IsEventAttribute(ReadOnlySpan<char> name) => name.StartsWith("on", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an ASCII name character (a letter or underscore first; then also digits, '.' and '-'); never ':'.</summary>
    public static bool IsNameChar(char c, bool first) =>
        char.IsAsciiLetter(c) || c == '_' || (!first && (char.IsAsciiDigit(c) || c is '.' or '-'));

    /// <summary>The character of <c>amp</c>, <c>lt</c>, <c>gt</c>, <c>quot</c> or <c>apos</c>; -1 for any other name.</summary>
    public static int PredefinedEntity(ReadOnlySpan<char> name) => name switch
    {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => -1,
    };

    /// <summary>
    /// The character of a numeric reference body (<c>123</c> or <c>x7B</c>, after <c>&amp;#</c>) when it is a legal
    /// XML character below the surrogates; -1 otherwise (including values this subset leaves to XmlReader).
    /// </summary>
    public static int CharacterReference(ReadOnlySpan<char> digits)
    {
        var hex = digits.Length > 0 && digits[0] == 'x';
        if (hex)
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty)
        {
            return -1;
        }

        var value = 0;
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : hex && char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : -1;
            value = (value * (hex ? 16 : 10)) + digit;
            if (digit < 0 || value >= 0xD800)
            {
                return -1;
            }
        }

        return value >= 0x20 || value is 0x9 or 0xA or 0xD ? value : -1;
    }
}
