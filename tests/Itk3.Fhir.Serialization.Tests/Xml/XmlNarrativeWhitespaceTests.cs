using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Tests.Support;
using Itk3.Testing;

namespace Itk3.Fhir.Serialization.Tests.Xml;

/// <summary>
/// A narrative div is XHTML text in both formats, read by XML rules (docs/fhir.md, "Narrative whitespace"): characters
/// an XML parser would normalise travel as character references, and every crossing keeps what the div means.
/// </summary>
public sealed class XmlNarrativeWhitespaceTests
{
    private const string XhtmlNs = "xmlns=\"http://www.w3.org/1999/xhtml\"";

    [Fact]
    public void Referenced_whitespace_in_XML_stays_referenced_in_JSON_and_comes_back_to_XML_unchanged()
    {
        var xml = Encoding.UTF8.GetBytes(
            $"<Patient xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/><div {XhtmlNs}><p title=\"a&#9;b&#10;c&#13;d\">x&#13;y&#xD;&#10;z</p></div></text></Patient>");
        var fromXml = XmlTesting.Parse(xml);
        Assert.True(fromXml.Success, string.Join("; ", fromXml.Issues));

        var json = FhirSerializer.SerializeToBytes(fromXml.Root!, FhirFormat.Json);
        var jsonText = Encoding.UTF8.GetString(json);
        Assert.Contains("title=\\\"a&#9;b&#10;c&#13;d\\\">x&#13;y&#13;\\nz</p>", jsonText, StringComparison.Ordinal);

        var fromJson = FhirSerializer.Parse(json, FhirFormat.Json);
        Assert.Empty(fromJson.Issues);
        var xmlAgain = XmlTesting.Write(fromJson.Root!);
        Assert.Equal(XmlTesting.Write(fromXml.Root!), xmlAgain);
        Assert.Contains("title=\"a&#9;b&#10;c&#13;d\">x&#13;y&#13;\nz</p>", Encoding.UTF8.GetString(xmlAgain), StringComparison.Ordinal);

        // A plain XML reader of the JSON string sees the characters the XML said.
        var div = fromJson.Root!.Select("text.div")!.Value!;
        Assert.Equal(XhtmlMeaning.Describe($"<div {XhtmlNs}><p title=\"a&#9;b&#10;c&#13;d\">x&#13;y&#xD;&#10;z</p></div>"), XhtmlMeaning.Describe(div));
    }

    [Fact]
    public void Raw_whitespace_in_a_JSON_div_reaches_XML_raw_and_comes_back_with_the_same_meaning()
    {
        var json = Encoding.UTF8.GetBytes(
            $"{{\"resourceType\":\"Patient\",\"text\":{{\"status\":\"generated\",\"div\":\"<div {XhtmlNs.Replace("\"", "\\\"", StringComparison.Ordinal)}><p title=\\\"a\\tb\\nc\\\">x\\r\\ny\\rz</p></div>\"}}}}");
        var fromJson = FhirSerializer.Parse(json, FhirFormat.Json);
        Assert.Empty(fromJson.Issues);
        var original = fromJson.Root!.Select("text.div")!.Value!;

        var xml = XmlTesting.Write(fromJson.Root!);
        Assert.Contains("<p title=\"a\tb\nc\">x\r\ny\rz</p>", Encoding.UTF8.GetString(xml), StringComparison.Ordinal);

        var fromXml = XmlTesting.Parse(xml);
        Assert.Empty(fromXml.Issues);
        var back = fromXml.Root!.Select("text.div")!.Value!;
        Assert.Equal($"<div {XhtmlNs}><p title=\"a b c\">x\ny\nz</p></div>", back);
        Assert.Equal(XhtmlMeaning.Describe(original), XhtmlMeaning.Describe(back));

        var jsonAgain = FhirSerializer.SerializeToBytes(fromXml.Root!, FhirFormat.Json);
        var reread = FhirSerializer.Parse(jsonAgain, FhirFormat.Json);
        Assert.Equal(back, reread.Root!.Select("text.div")!.Value);
    }

    [Theory]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>one\ntwo\n\tthree</p></div>", null)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>one&#13;\ntwo</p></div>", null)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><a title=\"line&#10;break&#9;tab\">t</a>\n</div>", null)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>one\r\ntwo</p></div>", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>one\ntwo</p></div>")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p title=\"a\tb\">x</p></div>", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p title=\"a b\">x</p></div>")]
    // A '>' inside a quoted value must not be taken for the end of the tag (the reader writes it back as &gt;).
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><a title=\"x>y\nz\">t</a>\n<b>after</b></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><a title=\"x&gt;y z\">t</a>\n<b>after</b></div>")]
    public void Narrative_whitespace_keeps_its_meaning_through_XML(string div, string? expected)
    {
        var patient = new ElementNode("Patient", children:
        [
            new ElementNode("text", children: [new ElementNode("status", "generated"), new ElementNode("div", div)]),
        ], resourceType: "Patient");

        foreach (var indented in new[] { false, true })
        {
            var reread = XmlTesting.Parse(XmlTesting.Write(patient, indented));

            Assert.True(reread.Success, string.Join("; ", reread.Issues));
            var value = reread.Root!.Select("text.div")!.Value!;
            Assert.Equal(expected ?? div, value);
            Assert.Equal(XhtmlMeaning.Describe(div), XhtmlMeaning.Describe(value));
        }
    }
}
