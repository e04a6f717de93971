using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Xml;

public sealed class XmlGoldenTests
{
    private const string XhtmlDeclaration = "xmlns=\"http://www.w3.org/1999/xhtml\"";

    [Theory]
    [InlineData("message-bundle")]
    [InlineData("document-bundle")]
    [InlineData("primitives")]
    public void Writes_the_golden_file_and_reads_it_back_to_the_same_tree(string name)
    {
        var input = XmlTesting.Parse(GoldenFile.Read($"Xml/{name}.input.xml"));
        Assert.Empty(input.Issues);

        var written = XmlTesting.Write(input.Root!, indented: true);
        GoldenFile.AssertMatches($"Xml/{name}.xml", written);
        XmlTesting.AssertSchemaValid(written);

        var reread = XmlTesting.Parse(written);
        Assert.Empty(reread.Issues);
        Assert.Null(ElementTreeComparer.FindDifference(input.Root!, reread.Root!));
        Assert.Equal(written, XmlTesting.Write(reread.Root!, indented: true));
    }

    [Fact]
    public void Message_bundle_keeps_the_handling_extension_and_the_message_header_location()
    {
        var root = XmlTesting.Parse(GoldenFile.Read("Xml/message-bundle.input.xml")).Root!;

        var header = root.Children.First(child => child.Name == "entry").Child("resource")!;
        Assert.Equal("MessageHeader", header.ResourceType);
        var handling = header.Child("extension")!;
        Assert.Equal("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2", handling.ChildValue("url"));
        Assert.Equal(["extension", "extension", "extension", "extension", "extension", "extension", "url"], handling.Children.Select(child => child.Name));
        var recipient = handling.Children.Single(child => child.ChildValue("url") == "RecipientType");
        Assert.Equal("FA", recipient.Select("valueCoding.code")!.Value);
        Assert.Equal("ITK007C", header.Select("event.code")!.Value);
        Assert.Equal("Bundle", root.Children.Last().Child("resource")!.ResourceType);
    }

    [Fact]
    public void Document_bundle_narrative_becomes_the_json_div_string()
    {
        var root = XmlTesting.Parse(GoldenFile.Read("Xml/document-bundle.input.xml")).Root!;

        var composition = root.Child("entry")!.Child("resource")!;
        var div = composition.Select("text.div")!.Value;
        const string Indent = "\n            ";
        var expected = $"<div {XhtmlDeclaration} xml:lang=\"en\">{Indent}<h1>Discharge summary</h1>{Indent}"
            + "<p class=\"note\">Dose &lt; 5\u00A0mg &amp; review in 2\u00A0weeks; &quot;as needed&quot; &gt; never.</p>" + Indent
            + "<table border=\"1\"><tr><td>caf\u00E9</td><td>a &lt; b</td></tr></table>" + Indent + Indent
            + "<br/><span title=\"a&#10;b\">x</span>\n          </div>";
        Assert.Equal(expected, div);
        Assert.Equal($"<div {XhtmlDeclaration}><ul><li>Paracetamol 500\u00A0mg</li></ul></div>", composition.Select("section.text.div")!.Value);
    }

    [Fact]
    public void Primitives_keep_ids_extensions_and_whitespace()
    {
        var root = XmlTesting.Parse(GoldenFile.Read("Xml/primitives.input.xml")).Root!;

        var givens = root.Child("name")!.ChildrenNamed("given").ToArray();
        Assert.Equal(new string?[] { "Anne", null, "Marie" }, givens.Select(given => given.Value).ToArray());
        Assert.Equal("g1", givens[0].ChildValue("id"));
        Assert.Equal("unknown", givens[1].Select("extension.valueCode")!.Value);
        Assert.Equal("1970-03", root.Child("birthDate")!.Value);
        Assert.Equal(["id", "extension"], root.Child("birthDate")!.Children.Select(child => child.Name));
        Assert.Equal("  01234 567890  ", root.Select("telecom.value")!.Value);
        var lines = root.Child("address")!.ChildrenNamed("line").Select(line => line.Value ?? "").ToArray();
        Assert.Equal(new[] { "1 High Street\nFlat 2", "Tab\tseparated & <quoted> \"text\"" }, lines);
    }
}
