using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Xml;

/// <summary>Whitespace an XML parser would normalise survives a narrative's trip through XML unchanged.</summary>
public sealed class XmlNarrativeWhitespaceTests
{
    [Theory]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>one\ntwo\n\tthree</p></div>", null)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>one\r\ntwo</p></div>", null)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><a title=\"line\nbreak\">t</a>\n</div>", null)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p title=\"a\tb\">x</p></div>", null)]
    // A '>' inside a quoted value must not be taken for the end of the tag (the reader writes it back as &gt;).
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><a title=\"x>y\nz\">t</a>\n<b>after</b></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><a title=\"x&gt;y\nz\">t</a>\n<b>after</b></div>")]
    public void Narrative_whitespace_round_trips_through_XML_exactly(string div, string? expected)
    {
        var patient = new ElementNode("Patient", children:
        [
            new ElementNode("text", children: [new ElementNode("status", "generated"), new ElementNode("div", div)]),
        ], resourceType: "Patient");

        foreach (var indented in new[] { false, true })
        {
            var reread = XmlTesting.Parse(XmlTesting.Write(patient, indented));

            Assert.True(reread.Success, string.Join("; ", reread.Issues));
            Assert.Equal(expected ?? div, reread.Root!.Select("text.div")!.Value);
        }
    }
}
