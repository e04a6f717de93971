using Itk3.Messaging.Codes;

namespace Itk3.Dashboard.Rendering;

/// <summary>An ITK3 response code with its display, and the <c>itk3 explain</c> text in a disclosure.</summary>
internal static class CodeExplanation
{
    /// <summary>The code and display, with the explanation behind a <c>details</c> toggle; the bare code when unknown.</summary>
    public static Html Render(Html html, string? code)
    {
        if (code is null)
        {
            return html.Raw("&ndash;");
        }

        if (!ResponseCodes.TryGet(code, out var known))
        {
            return html.Element("code", code);
        }

        return html.Raw("<details><summary><code>").Text(known.Code).Raw("</code> ").Text(known.Display).Raw("</summary>")
            .Element("pre", string.Join('\n', ResponseCodeGuide.Explain(known)), "class=\"explain\"").Raw("</details>");
    }
}
