using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Itk3.Dashboard.Rendering;

/// <summary>Builds an HTML fragment; every text passes through the HTML encoder, markup is only ever the page's own constants.</summary>
internal sealed class Html
{
    private readonly StringBuilder _text = new();

    /// <summary>Appends page markup (never data).</summary>
    public Html Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    /// <summary>Appends a value as encoded text; nothing for null.</summary>
    public Html Text(string? value)
    {
        _text.Append(HtmlEncoder.Default.Encode(value ?? string.Empty));
        return this;
    }

    /// <summary>Appends <c>&lt;tag attributes&gt;text&lt;/tag&gt;</c> with the text encoded.</summary>
    public Html Element(string tag, string? text, string attributes = "") =>
        Raw($"<{tag}{(attributes.Length == 0 ? string.Empty : " " + attributes)}>").Text(text).Raw($"</{tag}>");

    /// <summary>A link whose href is built from constants and encoded path segments.</summary>
    public Html Link(string href, string? text, string attributes = "") =>
        Raw($"<a href=\"{Attr(href)}\"{(attributes.Length == 0 ? string.Empty : " " + attributes)}>").Text(text).Raw("</a>");

    /// <summary>A time as <c>&lt;time&gt;</c> in UTC (yyyy-MM-dd HH:mm:ss); a dash when null.</summary>
    public Html Time(DateTimeOffset? at) => at is { } t
        ? Raw($"<time datetime=\"{t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\">").Text(Format(t)).Raw("</time>")
        : Raw("&ndash;");

    /// <summary>A state badge (colour from the state's class, the word always shown).</summary>
    public Html Badge(string state) => Raw($"<span class=\"badge badge-{Attr(BadgeClass(state))}\">").Text(state).Raw("</span>");

    /// <summary>The fragment so far.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>An attribute value, encoded.</summary>
    public static string Attr(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    /// <summary>An id as a URL path segment.</summary>
    public static string Segment(string id) => Uri.EscapeDataString(id);

    /// <summary>The display form of a time (UTC).</summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A duration in the largest sensible unit ("3 min", "2 h", "4 d").</summary>
    public static string Age(TimeSpan age) =>
        age.TotalMinutes < 1 ? $"{Math.Max(0, (int)age.TotalSeconds)} s"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours} h"
        : $"{(int)age.TotalDays} d";

    private static string BadgeClass(string state) => state switch
    {
        "Complete" or "Sent" or "Delivered" or "DeliveredToApplication" or "BusinessOutcomeReported" => "good",
        "Failed" or "TimedOut" or "DeadLettered" or "Rejected" => "bad",
        "Resolved" => "done",
        _ => "wait",
    };
}
