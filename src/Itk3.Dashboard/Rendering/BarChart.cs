using System.Globalization;

namespace Itk3.Dashboard.Rendering;

/// <summary>A horizontal bar chart as inline SVG: labelled bars with their values written beside them (readable without colour).</summary>
internal static class BarChart
{
    private const int RowHeight = 26;
    private const int LabelWidth = 150;
    private const int Width = 480;

    /// <summary>The chart; <paramref name="description"/> is its accessible name.</summary>
    public static string Render(string description, IReadOnlyList<(string Label, int Value, string Colour)> bars)
    {
        if (bars.Count == 0)
        {
            return new Html().Element("p", "Nothing in this period.", "class=\"muted\"").ToString();
        }

        var max = Math.Max(1, bars.Max(b => b.Value));
        var height = (bars.Count * RowHeight) + 8;
        var html = new Html().Raw($"<div class=\"chart\"><svg viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Html.Attr(description)}\">")
            .Element("title", description);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, colour) = bars[i];
            var y = (i * RowHeight) + 4;
            var length = (int)Math.Round((Width - LabelWidth - 60) * (value / (double)max));
            html.Raw(Invariant($"<text x=\"0\" y=\"{y + 16}\">")).Text(label).Raw("</text>")
                .Raw(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Math.Max(value > 0 ? 2 : 0, length)}\" height=\"18\" fill=\"{Html.Attr(colour)}\" rx=\"2\"></rect>"))
                .Raw(Invariant($"<text x=\"{LabelWidth + length + 6}\" y=\"{y + 16}\">{value}</text>"));
        }

        return html.Raw("</svg></div>").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
