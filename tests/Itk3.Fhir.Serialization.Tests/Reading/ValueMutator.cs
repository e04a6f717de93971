using System.Text;
using System.Text.RegularExpressions;

namespace Itk3.Fhir.Serialization.Tests.Reading;

/// <summary>
/// Seeded damage to the values of valid FHIR (XML <c>value="..."</c> attributes, JSON strings and numbers): values the
/// audit found troublesome (padding, exponents, signs, non-characters, empty, unknown codes) and random byte edits.
/// </summary>
internal static partial class ValueMutator
{
    private static readonly string[] Interesting =
        [" true", "true ", " 1.5", "+5", "1e3", "-0", "01", "2017-01-01T10:00:60Z", "2017-13-01", "\uFFFE", "\uFFFF", "", " ", "F", "done",
         "a  b", "urn:oid:5", "\u001b[31mred", "<b>", "&amp;", "\t", "x\r\ny", "😀", "9999999999", "female ", "\u202Ename"];

    public static byte[] Mutate(byte[] original, FhirFormat format, Random random)
    {
        var text = Encoding.UTF8.GetString(original);
        var values = (format == FhirFormat.Xml ? XmlValue() : JsonValue()).Matches(text);
        if (values.Count == 0 || random.Next(4) == 0)
        {
            return Json.JsonMutator.Mutate(original, random);
        }

        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits; e++)
        {
            values = (format == FhirFormat.Xml ? XmlValue() : JsonValue()).Matches(text);
            var value = values[random.Next(values.Count)].Groups["v"];
            var replacement = Interesting[random.Next(Interesting.Length)];
            var encoded = format == FhirFormat.Xml ? XmlEscape(replacement) : System.Text.Json.JsonSerializer.Serialize(replacement)[1..^1];
            text = string.Concat(text.AsSpan(0, value.Index), encoded, text.AsSpan(value.Index + value.Length));
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static string XmlEscape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("\t", "&#9;", StringComparison.Ordinal)
            .Replace("\r", "&#13;", StringComparison.Ordinal).Replace("\n", "&#10;", StringComparison.Ordinal)
            .Replace("\u001b", "&#27;", StringComparison.Ordinal);

    [GeneratedRegex("value=\"(?<v>[^\"]*)\"")]
    private static partial Regex XmlValue();

    [GeneratedRegex("\":\\s*\"(?<v>(?:[^\"\\\\]|\\\\.){0,200})\"")]
    private static partial Regex JsonValue();
}
