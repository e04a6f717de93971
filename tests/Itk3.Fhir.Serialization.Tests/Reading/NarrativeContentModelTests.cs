using System.Text;
using System.Text.Json;
using Itk3.Fhir.Serialization.Reading;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Reading;

public sealed class NarrativeContentModelTests
{
    public static TheoryData<string, string> Divs => new()
    {
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><font color=\"red\">x</font></div>", "xhtml-invalid" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><center>x</center></div>", "xhtml-invalid" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><blink>x</blink></div>", "xhtml-invalid" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></div>", "xhtml-disallowed" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><head/></div>", "xhtml-disallowed" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p bgcolor=\"red\">x</p></div>", "xhtml-invalid" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><div>block in inline</div></p></div>", "xhtml-invalid" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><table>text in a table</table></div>", "xhtml-invalid" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><ul><p>not an li</p></ul></div>", "xhtml-invalid" },
        { "<div xmlns=\"http://www.w3.org/1999/xhtml\"><tr><td>x</td></tr></div>", "xhtml-invalid" },
    };

    [Theory]
    [MemberData(nameof(Divs))]
    public void Content_outside_the_STU3_xhtml_model_is_reported_in_XML(string div, string code)
    {
        var result = XmlTesting.Parse(XmlTesting.Patient($"<text><status value=\"generated\"/>{div}</text>"));

        Assert.Equal([code], XmlTesting.Codes(result));
        Assert.Equal("Patient.text.div", result.Issues[0].Location);
    }

    [Theory]
    [MemberData(nameof(Divs))]
    public void Content_outside_the_STU3_xhtml_model_is_reported_in_JSON(string div, string code)
    {
        var json = Json(div);

        var result = FhirSerializer.Parse(Encoding.UTF8.GetBytes(json), FhirFormat.Json);

        Assert.Equal([code], result.Issues.Select(issue => issue.Code));
        Assert.Equal("Patient.text.div", result.Issues[0].Location);
        Assert.False(FastXhtmlChecker.IsCertainlyValid(div));
    }

    [Theory]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><table border=\"1\"><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table></div>")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><ul>\n  <li>a <b>b</b></li>\n</ul><p class=\"c\" style=\"s\">x<br/>y</p></div>")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\"#x\" name=\"y\">x</a><img src=\"#i\" alt=\"i\"/></div>")]
    public void Content_the_model_allows_is_accepted_by_both_checkers(string div)
    {
        var json = Json(div);

        Assert.True(FastXhtmlChecker.IsCertainlyValid(div));
        Assert.Empty(FhirSerializer.Parse(Encoding.UTF8.GetBytes(json), FhirFormat.Json).Issues);
        Assert.Empty(XmlTesting.Parse(XmlTesting.Patient($"<text><status value=\"generated\"/>{div}</text>")).Issues);
    }

    // Patient.text.div is at depth 3, so the limit of 100 admits 97 levels inside the div and refuses 98, in both formats.
    [Theory]
    [InlineData(97, true)]
    [InlineData(98, false)]
    [InlineData(300, false)]
    public void The_depth_limit_applies_inside_narratives_in_both_formats(int spans, bool accepted)
    {
        var div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + string.Concat(Enumerable.Repeat("<span>", spans)) + "x"
            + string.Concat(Enumerable.Repeat("</span>", spans)) + "</div>";

        var fromJson = FhirSerializer.Parse(Encoding.UTF8.GetBytes(Json(div)), FhirFormat.Json);
        var fromXml = XmlTesting.Parse(XmlTesting.Patient($"<text><status value=\"generated\"/>{div}</text>"));

        Assert.Equal(accepted ? [] : ["nesting-too-deep"], fromJson.Issues.Select(issue => issue.Code));
        Assert.Equal(accepted ? [] : ["nesting-too-deep"], XmlTesting.Codes(fromXml));
        Assert.Equal(accepted, fromJson.Success);
    }

    private static string Json(string div) =>
        "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":" + JsonSerializer.Serialize(div) + "}}";
}
