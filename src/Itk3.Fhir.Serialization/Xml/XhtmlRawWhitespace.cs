using System.Text;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Prepares a narrative string (as JSON carries it) for raw writing into XML, where a parser would change whitespace:
/// a carriage return in text becomes <c>&amp;#xD;</c> (inside CDATA the section is split around it), and tabs, line
/// feeds and carriage returns in attribute values become character references. Whitespace between attributes, in
/// comments and in processing instructions is layout and stays as it is.
/// </summary>
internal static class XhtmlRawWhitespace
{
    private const string CarriageReturn = "&#xD;";

    /// <summary>The string with significant whitespace entitized; the same instance when there is nothing to change.</summary>
    public static string Entitize(string xhtml)
    {
        if (!NeedsChanges(xhtml))
        {
            return xhtml;
        }

        var builder = new StringBuilder(xhtml.Length + 64);
        var state = State.Text;
        var quote = '\0';
        for (var i = 0; i < xhtml.Length; i++)
        {
            var c = xhtml[i];
            state = Next(xhtml, i, state, ref quote);
            _ = (state, c) switch
            {
                (State.Quoted, '\t') => builder.Append("&#x9;"),
                (State.Quoted, '\n') => builder.Append("&#xA;"),
                (State.Quoted or State.Text or State.AfterMarkup, '\r') => builder.Append(CarriageReturn),
                (State.Cdata, '\r') => builder.Append("]]>").Append(CarriageReturn).Append("<![CDATA["),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    // Line feeds in text are common (indented narratives) and need nothing. A vectorised search visits only the tabs and
    // line feeds; one that is not plainly in text (after the last '>' before it) sends the string through the exact
    // scanner, so only a string with whitespace inside markup pays for the character-by-character walk.
    private static bool NeedsChanges(string xhtml)
    {
        if (xhtml.Contains('\r'))
        {
            return true;
        }

        var span = xhtml.AsSpan();
        var inText = false;
        for (var from = 0; from < span.Length;)
        {
            var found = span[from..].IndexOfAny('\n', '\t');
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            // Still in the same text run when no markup started or ended since the previous line break.
            if (!inText || span[from..at].IndexOfAny('<', '>') >= 0)
            {
                inText = EndsInText(span[..at]);
            }

            if (!inText)
            {
                return HasWhitespaceInAttributeValues(xhtml);
            }

            from = at + 1;
        }

        return false;
    }

    // After the last '>' and not inside a tag: that '>' closes a tag whose quotes are balanced (a '>' can also sit
    // inside a quoted attribute value, which the exact scanner then handles).
    private static bool EndsInText(ReadOnlySpan<char> before)
    {
        var open = before.LastIndexOf('<');
        var close = before.LastIndexOf('>');
        if (close < 0 || open > close)
        {
            return false;
        }

        var tag = before[Math.Max(open, 0)..close];
        return tag.Count('"') % 2 == 0 && tag.Count('\'') % 2 == 0;
    }

    private static bool HasWhitespaceInAttributeValues(string xhtml)
    {
        var state = State.Text;
        var quote = '\0';
        for (var i = 0; i < xhtml.Length; i++)
        {
            state = Next(xhtml, i, state, ref quote);
            if (state == State.Quoted && xhtml[i] is '\n' or '\t')
            {
                return true;
            }
        }

        return false;
    }

    private static State Next(string xhtml, int i, State state, ref char quote)
    {
        var c = xhtml[i];
        switch (state)
        {
            case State.Text when c == '<':
                return StartsAt(xhtml, i, "<!--") ? State.Comment : StartsAt(xhtml, i, "<![CDATA[") ? State.Cdata : State.Markup;
            case State.Markup when c is '"' or '\'':
                quote = c;
                return State.Quoted;
            case State.Markup when c == '>':
            case State.Quoted when c == quote:
                return c == '>' ? State.AfterMarkup : State.Markup;
            case State.Comment when c == '>' && i >= 2 && xhtml[i - 1] == '-' && xhtml[i - 2] == '-':
            case State.Cdata when c == '>' && i >= 2 && xhtml[i - 1] == ']' && xhtml[i - 2] == ']':
                return State.AfterMarkup;
            case State.AfterMarkup:
                return Next(xhtml, i, State.Text, ref quote);
            default:
                return state;
        }
    }

    private static bool StartsAt(string text, int index, string value) => text.AsSpan(index).StartsWith(value, StringComparison.Ordinal);

    private enum State
    {
        Text,
        Markup,
        Quoted,
        Comment,
        Cdata,
        AfterMarkup,
    }
}
