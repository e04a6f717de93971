using System.Text;
using Itk3.Fhir.ElementModel;
using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Long string values (narratives, long texts) read from JSON are checked during the parse but kept as their raw
/// bytes in the input, escapes included, and made strings only when read: the tree must still say exactly what the
/// input said, and everything wrong with them must be reported as for a short value.
/// </summary>
public sealed class JsonLongTextTests
{
    // Escapes of every kind, raw non-ASCII, and enough text to pass the length above which values are kept.
    private static readonly string Paragraph =
        "<p>Caf\u00e9 \"quoted\" a\\b c/d\ttab\nline " + string.Concat(Enumerable.Repeat("r\u00e9sum\u00e9 du patient. ", 30)) + "</p>";

    private static readonly string Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + Paragraph + "</div>";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_long_narrative_reads_back_exactly_from_bytes(bool strictReader)
    {
        // An escaped property name is left by the tokenizer to Utf8JsonReader, which then reads the whole document.
        var json = PatientJson(Escaped(Div), "\\u00e9t\\u00e9 \\/ " + Escaped(Paragraph));
        var root = ParseValid(strictReader ? json.Replace("\"name\"", "\"n\\u0061me\"", StringComparison.Ordinal) : json);

        Assert.Equal(Div, root.Child("text")!.ChildValue("div"));
        Assert.Equal("\u00e9t\u00e9 / " + Paragraph, root.Child("name")!.ChildValue("text"));
        Assert.False(root.Child("text")!.Child("div")!.TryGetUtf8Value(out _), "an escaped text is not given to writers as bytes");
    }

    [Fact]
    public void A_long_narrative_read_from_a_stream_stays_right_after_the_pooled_buffer_is_reused()
    {
        var other = Div.Replace("patient", "PATIENT", StringComparison.Ordinal);
        var first = FhirSerializer.Parse(new MemoryStream(Encoding.UTF8.GetBytes(PatientJson(Escaped(Div), "Ann"))), FhirFormat.Json).Root!;
        var second = FhirSerializer.Parse(new MemoryStream(Encoding.UTF8.GetBytes(PatientJson(Escaped(other), "Ann"))), FhirFormat.Json).Root!;

        Assert.Equal(Div, first.Child("text")!.ChildValue("div"));
        Assert.Equal(other, second.Child("text")!.ChildValue("div"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Long_texts_are_written_as_the_tree_built_from_strings_is(bool pretty)
    {
        var options = pretty ? WriteOptions.Pretty : WriteOptions.Compact;
        var built = Patient(Div, Paragraph);
        var parsed = FhirSerializer.Parse(FhirSerializer.SerializeToBytes(built, FhirFormat.Json, options), FhirFormat.Json).Root!;

        Assert.Equal(FhirSerializer.SerializeToBytes(built, FhirFormat.Json, options), FhirSerializer.SerializeToBytes(parsed, FhirFormat.Json, options));
        Assert.Equal(FhirSerializer.SerializeToBytes(built, FhirFormat.Xml, options), FhirSerializer.SerializeToBytes(parsed, FhirFormat.Xml, options));
    }

    [Fact]
    public void A_long_text_with_unicode_escapes_is_written_as_its_string_is()
    {
        var parsed = ParseValid(PatientJson(Escaped(Div), "\\u00e9 \\ud83d\\ude00 \\/ \\r\\n \\u0041 " + Escaped(Paragraph)));
        var built = Patient(Div, "\u00e9 \U0001F600 / \r\n A " + Paragraph);

        Assert.Equal(Write(built), Write(parsed));
        Assert.Equal(Write(built, indented: true), Write(parsed, indented: true));
    }

    [Theory]
    [InlineData("\\u0001", "text")]
    [InlineData("\\uFFFE", "text")]
    [InlineData("\\ud800", "text")]
    [InlineData("<script>x</script>", "div")]
    [InlineData("<font>x</font>", "div")]
    [InlineData("<p>x", "div")]
    public void A_defect_in_a_long_text_is_reported_as_in_a_short_one(string damage, string where)
    {
        ParseResult Damaged(string filler) => where == "div"
            ? Parse(PatientJson(Escaped("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + filler + "</p>") + damage + "</div>", "Ann"))
            : Parse(PatientJson(Escaped(Div), filler + damage));

        var longResult = Damaged(new string('x', 600));
        var shortResult = Damaged("x");

        Assert.NotEmpty(shortResult.Issues);
        Assert.Equal(shortResult.Issues.Select(issue => (issue.Code, issue.Location, issue.Position)),
            longResult.Issues.Select(issue => (issue.Code, issue.Location, issue.Position)));
    }

    [Fact]
    public void Invalid_utf8_in_a_long_text_is_reported_as_in_a_short_one()
    {
        byte[] Damaged(int length)
        {
            var json = Encoding.UTF8.GetBytes(PatientJson(Escaped(Div), new string('x', length) + "#"));
            json[Array.LastIndexOf(json, (byte)'#')] = 0xC3;
            return json;
        }

        var longResult = FhirSerializer.Parse(Damaged(600), FhirFormat.Json);
        var shortResult = FhirSerializer.Parse(Damaged(1), FhirFormat.Json);

        Assert.Equal("json-malformed", Assert.Single(shortResult.Issues).Code);
        Assert.Equal(shortResult.Issues.Select(issue => (issue.Code, issue.Location)), longResult.Issues.Select(issue => (issue.Code, issue.Location)));
    }

    private static ElementNode Patient(string div, string nameText) => new("Patient", null, [
        new ElementNode("text", null, [new ElementNode("status", "generated"), new ElementNode("div", div)]),
        new ElementNode("name", null, [new ElementNode("text", nameText)]),
    ], "Patient");

    private static string PatientJson(string escapedDiv, string escapedName) =>
        "{\n  \"resourceType\": \"Patient\",\n  \"text\": {\"status\": \"generated\", \"div\": \"" + escapedDiv + "\"},\n  \"name\": [{\"text\": \"" + escapedName + "\"}]\n}";

    /// <summary>The text as a JSON string's content, escaped as System.Text.Json escapes (quotes, backslash, controls).</summary>
    private static string Escaped(string text)
    {
        var quoted = System.Text.Json.JsonSerializer.Serialize(text, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return quoted[1..^1];
    }
}
