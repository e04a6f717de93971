using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Tests.Support;
using Itk3.Testing;

namespace Itk3.Fhir.Serialization.Tests.Xml;

public sealed class XmlNarrativeTests
{
    private static string WithDiv(string div) =>
        XmlTesting.Patient($"<text><status value=\"generated\"/>{div}</text><active value=\"true\"/>");

    [Fact]
    public void Reports_a_script_in_the_narrative_and_keeps_the_rest()
    {
        var result = XmlTesting.Parse(WithDiv("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>x</p><script>alert(1)</script></div>"));

        var issue = XmlTesting.Single(result, "xhtml-disallowed");
        Assert.Equal("Patient.text.div", issue.Location);
        Assert.Equal(1, issue.Position.Line);
        Assert.Equal("true", result.Root!.ChildValue("active"));
    }

    [Fact]
    public void Reports_an_event_attribute_in_the_narrative()
    {
        var result = XmlTesting.Parse(WithDiv("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p onclick=\"steal()\">x</p></div>"));

        Assert.Equal(["xhtml-disallowed"], XmlTesting.Codes(result));
    }

    [Fact]
    public void Reports_a_div_in_the_fhir_namespace()
    {
        var result = XmlTesting.Parse(WithDiv("<div><p>x</p></div>"));

        Assert.Equal(["namespace-wrong"], XmlTesting.Codes(result));
    }

    [Fact]
    public void Moves_a_prefixed_xhtml_div_to_the_default_namespace()
    {
        var result = XmlTesting.Parse(WithDiv("<h:div xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:p>a<h:b>t</h:b></h:p></h:div>"));

        Assert.Empty(result.Issues);
        Assert.Equal("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a<b>t</b></p></div>", result.Root!.Select("text.div")!.Value);
    }

    [Fact]
    public void Reports_each_outermost_element_of_another_namespace_which_the_STU3_xhtml_schema_does_not_allow()
    {
        var result = XmlTesting.Parse(WithDiv("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a<m:math xmlns:m=\"http://www.w3.org/1998/Math/MathML\"><m:mi>x</m:mi></m:math><svg xmlns=\"http://www.w3.org/2000/svg\"><b xmlns=\"http://www.w3.org/1999/xhtml\">t</b></svg></p></div>"));

        Assert.Equal(["xhtml-invalid", "xhtml-invalid"], XmlTesting.Codes(result));
        Assert.All(result.Issues, issue => Assert.Equal("Patient.text.div", issue.Location));
    }

    [Fact]
    public void Writes_the_div_string_back_as_markup()
    {
        var parsed = XmlTesting.Parse(WithDiv("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a &amp; b &lt;c&gt;</p><br/></div>"));

        var written = XmlTesting.WriteText(parsed.Root!);

        Assert.Contains("<text><status value=\"generated\" /><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a &amp; b &lt;c&gt;</p><br/></div></text>", written);
        XmlTesting.AssertSchemaValid(XmlTesting.Write(parsed.Root!));
    }

    [Fact]
    public void Escapes_the_narrative_as_the_official_json_does()
    {
        var result = XmlTesting.Parse(WithDiv("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p title='it&apos;s \"x\"'>\"q\" it's a&gt;b<br></br><img src=\"i.png\" /></p></div>"));

        Assert.Equal(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p title=\"it's &quot;x&quot;\">&quot;q&quot; it's a&gt;b<br></br><img src=\"i.png\"/></p></div>",
            result.Root!.Select("text.div")!.Value);
    }

    // The div is XHTML text read by XML rules in both formats (docs/fhir.md, "Narrative whitespace"): raw whitespace XML
    // normalises reaches XML raw, so XML reads what a reader of the JSON string reads.
    [Theory]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\r\nline\r\n</p>\r\n</div>", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\nline\n</p>\n</div>")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p title=\"a\r\n\tb\">x</p></div>", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p title=\"a  b\">x</p></div>")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p\r\n title=\"a\rb\">x<![CDATA[c\rd]]></p><!-- \r --></div>", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p title=\"a b\">xc\nd</p></div>")]
    public void Keeps_the_meaning_of_whitespace_in_a_json_narrative_through_xml(string div, string expected)
    {
        var tree = new ElementNode("Patient", resourceType: "Patient", children:
            [new ElementNode("text", children: [new ElementNode("status", "generated"), new ElementNode("div", div)])]);

        var reread = XmlTesting.Parse(XmlTesting.Write(tree)).Root!.Select("text.div")!.Value!;

        Assert.Equal(expected, reread);
        Assert.Equal(XhtmlMeaning.Describe(div), XhtmlMeaning.Describe(reread));
    }
}
