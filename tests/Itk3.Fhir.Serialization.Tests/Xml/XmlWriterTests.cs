using System.Buffers;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Xml;

public sealed class XmlWriterTests
{
    private static ElementNode Patient(params ElementNode[] children) => new("Patient", children: children, resourceType: "Patient");

    [Fact]
    public void Writes_utf8_without_bom_or_declaration_with_the_fhir_default_namespace()
    {
        var bytes = XmlTesting.Write(Patient(new ElementNode("active", "true")));

        Assert.Equal("<Patient xmlns=\"http://hl7.org/fhir\"><active value=\"true\" /></Patient>"u8.ToArray(), bytes);
        XmlTesting.AssertSchemaValid(bytes);
    }

    [Fact]
    public void Writes_children_in_definition_order_with_repeats_together()
    {
        var name = (string family) => new ElementNode("name", children: [new ElementNode("family", family)]);
        var tree = Patient(new ElementNode("gender", "male"), name("A"), new ElementNode("active", "true"), name("B"), new ElementNode("id", "p"));

        var written = XmlTesting.WriteText(tree);

        Assert.Equal(
            "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"p\" /><active value=\"true\" /><name><family value=\"A\" /></name><name><family value=\"B\" /></name><gender value=\"male\" /></Patient>",
            written);
        XmlTesting.AssertSchemaValid(XmlTesting.Write(tree));
    }

    [Fact]
    public void Writes_id_and_url_as_attributes_and_values_with_whitespace_entitized()
    {
        var extension = new ElementNode("extension", children: [new ElementNode("url", "http://x/y"), new ElementNode("valueString", "a\tb\nc\r")]);
        var tree = Patient(new ElementNode("birthDate", "1970", [new ElementNode("id", "b"), extension]));

        var written = XmlTesting.WriteText(tree);

        Assert.Contains("<birthDate id=\"b\" value=\"1970\"><extension url=\"http://x/y\"><valueString value=\"a&#x9;b&#xA;c&#xD;\" /></extension></birthDate>", written);
        Assert.Equal("a\tb\nc\r", XmlTesting.Parse(XmlTesting.Write(tree)).Root!.Select("birthDate.extension.valueString")!.Value);
        XmlTesting.AssertSchemaValid(XmlTesting.Write(tree));
    }

    [Fact]
    public void Writes_contained_resources_inside_their_wrapper()
    {
        var practitioner = new ElementNode("contained", children: [new ElementNode("id", "gp")], resourceType: "Practitioner");

        var written = XmlTesting.WriteText(Patient(practitioner));

        Assert.Equal("<Patient xmlns=\"http://hl7.org/fhir\"><contained><Practitioner><id value=\"gp\" /></Practitioner></contained></Patient>", written);
        XmlTesting.AssertSchemaValid(XmlTesting.Write(Patient(practitioner)));
    }

    [Fact]
    public void Throws_naming_the_path_of_an_element_the_type_does_not_define()
    {
        var tree = Patient(new ElementNode("name", children: [new ElementNode("colour", "red")]));

        var exception = Assert.Throws<ArgumentException>(() => XmlTesting.Write(tree));

        Assert.Contains("Patient.name[0]", exception.Message);
    }

    [Theory]
    [InlineData("<div>no namespace</div>")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\">unclosed")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"/><p/>")]
    [InlineData("<?xml version=\"1.0\"?><div xmlns=\"http://www.w3.org/1999/xhtml\"/>")]
    public void Throws_for_a_narrative_that_is_not_one_xhtml_div(string div)
    {
        var tree = Patient(new ElementNode("text", children: [new ElementNode("status", "generated"), new ElementNode("div", div)]));

        var exception = Assert.Throws<ArgumentException>(() => XmlTesting.Write(tree));

        Assert.Contains("Patient.text.div", exception.Message);
    }

    [Fact]
    public void Throws_for_a_resource_container_without_a_resource_type()
    {
        var tree = Patient(new ElementNode("contained", children: [new ElementNode("id", "x")]));

        Assert.Throws<ArgumentException>(() => XmlTesting.Write(tree));
    }

    [Fact]
    public void Names_the_repeat_index_of_an_undefined_element_in_a_tree_given_out_of_order()
    {
        var extension = new ElementNode("extension", children: [new ElementNode("valueString", "v"), new ElementNode("url", "http://x")]);
        var tree = Patient(new ElementNode("gender", "male"), extension, new ElementNode("name", children: [new ElementNode("family", "F")]), new ElementNode("name", children: [new ElementNode("colour", "red")]));

        var exception = Assert.Throws<ArgumentException>(() => XmlTesting.Write(tree));

        Assert.Contains("Patient.name[1]", exception.Message);
    }

    [Fact]
    public void Writes_into_the_given_buffer_writer()
    {
        var buffer = new ArrayBufferWriter<byte>(1);

        FhirSerializer.Serialize(Patient(new ElementNode("active", "true")), FhirFormat.Xml, buffer);

        Assert.Equal(XmlTesting.Write(Patient(new ElementNode("active", "true"))), buffer.WrittenSpan.ToArray());
    }
}
