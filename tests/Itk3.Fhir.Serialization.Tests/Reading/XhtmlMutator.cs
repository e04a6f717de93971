using System.Text;

namespace Itk3.Fhir.Serialization.Tests.Reading;

/// <summary>Seeded mutations of narrative divs, aimed at the edges of XML well-formedness and the narrative rules.</summary>
internal static class XhtmlMutator
{
    private static readonly string[] Seeds =
    [
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Patient <b>Jo</b> &amp; family</p></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\">\n  <table class=\"grid\"><tr><th>A</th><td>1 &lt; 2</td></tr></table>\n</div>",
        "<div xmlns='http://www.w3.org/1999/xhtml'><a href=\"http://x.org/?a=1&amp;b=2\" title='t'>x</a><br/></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><!-- note --><ul><li>&#65;</li><li>&#x42;</li></ul></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><span style=\"color:red\">caf\u00e9</span> <img src=\"a.png\" alt=\"\"/></div>",
    ];

    private static readonly string[] Tokens =
    [
        "<", ">", "&", ";", "&amp;", "&lt;", "&#", "&#x", "&#65;", "&#1;", "&#xD800;", "&#0;", "&nbsp;", "x", "\"", "'", "=", "/", "!",
        "-", "--", "<!--", "-->", "]]>", "]]", " ", "\t", "\n", "\u0001", "\u000b", "\ud800", "\udc00", "\u00a0", "\ufffe", "\u00e9",
        "<p>", "</p>", "<b/>", "<i>", "</i>", " xmlns=\"\"", " a=\"1\"", " a='1'", " b=\"2\"", "javascript:", "&#106;", " onload=\"x\"",
        "script", ":", "#", "9", "?", "<?x?>", "<![CDATA[", "xml", "div", " xml:lang=\"en\"", "h:", "\r",
    ];

    /// <summary>One seed div with one to three random mutations.</summary>
    public static string Mutate(Random random)
    {
        var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(text, random);
        }

        return text.ToString();
    }

    private static void MutateOnce(StringBuilder text, Random random)
    {
        var at = random.Next(text.Length + 1);
        switch (random.Next(5))
        {
            case 0 or 1:
                text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 2 when at < text.Length:
                text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at));
                break;
            case 3 when at < text.Length:
                text[at] = char.IsUpper(text[at]) ? char.ToLowerInvariant(text[at]) : char.ToUpperInvariant(text[at]);
                break;
            case 4 when at < text.Length:
                var length = Math.Min(random.Next(1, 12), text.Length - at);
                text.Insert(random.Next(text.Length + 1), text.ToString(at, length));
                break;
        }
    }
}
