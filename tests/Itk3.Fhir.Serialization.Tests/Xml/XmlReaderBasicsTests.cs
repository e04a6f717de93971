using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Xml;

public sealed class XmlReaderBasicsTests
{
    [Fact]
    public void Reads_primitive_with_id_and_extension_as_value_node_with_id_child_first()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient(
            "<birthDate id=\"a\" value=\"1970\"><extension url=\"http://example.org/x\"><valueString value=\"s\"/></extension></birthDate>"));

        Assert.Empty(result.Issues);
        var birthDate = result.Root!.Child("birthDate")!;
        Assert.Equal("1970", birthDate.Value);
        Assert.Equal(["id", "extension"], birthDate.Children.Select(child => child.Name));
        Assert.Equal("a", birthDate.ChildValue("id"));
        var extension = birthDate.Child("extension")!;
        Assert.Equal(["url", "valueString"], extension.Children.Select(child => child.Name));
        Assert.Equal("http://example.org/x", extension.ChildValue("url"));
    }

    [Fact]
    public void Root_node_is_named_after_its_resource_type_and_keeps_positions()
    {
        var result = XmlTesting.Parse("<Patient xmlns=\"http://hl7.org/fhir\">\n  <id value=\"p1\"/>\n  <active value=\"true\"/>\n</Patient>");

        Assert.Empty(result.Issues);
        Assert.Equal("Patient", result.Root!.Name);
        Assert.Equal("Patient", result.Root.ResourceType);
        Assert.Equal("p1", result.Root.ChildValue("id"));
        Assert.Equal(new SourcePosition(3, 4), result.Root.Child("active")!.Position);
    }

    [Fact]
    public void Resource_in_a_wrapper_is_one_node_named_after_the_wrapper()
    {
        var result = XmlTesting.Parse("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"/><entry><resource><Patient><id value=\"p\"/></Patient></resource></entry></Bundle>");

        Assert.Empty(result.Issues);
        var resource = result.Root!.Select("entry.resource")!;
        Assert.Equal("Patient", resource.ResourceType);
        Assert.Equal("p", resource.ChildValue("id"));
    }

    [Fact]
    public void Ignores_comments_processing_instructions_and_whitespace()
    {
        var result = XmlTesting.Parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c --><Patient xmlns=\"http://hl7.org/fhir\"><?pi x?>\n <!-- c --> <active value=\"true\"/></Patient>");

        Assert.Empty(result.Issues);
        Assert.Single(result.Root!.Children);
    }

    [Fact]
    public void Keeps_the_exact_lexical_form_of_values()
    {
        var result = XmlTesting.Parse("<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text value=\" a&#x9;b \"/></code><valueQuantity><value value=\"1.10\"/></valueQuantity></Observation>");

        Assert.Empty(result.Issues);
        Assert.Equal("1.10", result.Root!.Select("valueQuantity.value")!.Value);
        Assert.Equal(" a\tb ", result.Root.Select("code.text")!.Value);
    }

    [Fact]
    public void Reads_from_a_stream_the_same_tree_as_from_bytes()
    {
        var bytes = GoldenFile.Read("Xml/message-bundle.xml");

        var fromStream = FhirSerializer.Parse(new MemoryStream(bytes), FhirFormat.Xml);
        var fromBytes = XmlTesting.Parse(bytes);

        Assert.Empty(fromStream.Issues);
        Assert.Null(ElementTreeComparer.FindDifference(fromBytes.Root!, fromStream.Root!));
    }

    [Fact]
    public void Unknown_elements_stay_errors_in_lenient_mode_and_are_left_out_of_the_tree()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<colour value=\"red\"/><active value=\"true\"/>"), strict: false);

        Assert.Equal(["element-unknown"], XmlTesting.Codes(result));
        Assert.True(result.Issues[0].IsError);
        Assert.Equal(["active"], result.Root!.Children.Select(child => child.Name));
    }
}
