using Itk3.Fhir.ElementModel;
using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

public sealed class JsonWriterTests
{
    [Fact]
    public void Text_is_escaped_minimally_but_validly()
    {
        var patient = new ElementNode("Patient", children: [new ElementNode("id", "p"),
            new ElementNode("name", children: [new ElementNode("family", "O'Brien & <Sons> café \"q\" \\ \n\t")])], resourceType: "Patient");

        var json = Write(patient);

        Assert.Equal("""{"resourceType":"Patient","id":"p","name":[{"family":"O'Brien & <Sons> café \"q\" \\ \n\t"}]}""", json);
        Assert.Null(ElementTreeComparer.FindDifference(patient, ParseValid(json)));
    }

    [Fact]
    public void Primitive_ids_and_extensions_are_written_as_null_padded_parallel_arrays()
    {
        var extension = new ElementNode("extension", children: [new ElementNode("url", "u"), new ElementNode("valueCode", "c")]);
        var name = new ElementNode("name", children:
        [
            new ElementNode("given", "a"),
            new ElementNode("given", null, [new ElementNode("id", "x")]),
            new ElementNode("given", "c", [extension]),
        ]);
        var patient = new ElementNode("Patient", children: [name], resourceType: "Patient");

        var json = Write(patient);

        Assert.Equal("""{"resourceType":"Patient","name":[{"given":["a",null,"c"],"_given":[null,{"id":"x"},{"extension":[{"url":"u","valueCode":"c"}]}]}]}""", json);
    }

    [Fact]
    public void Booleans_and_integers_are_written_as_json_literals()
    {
        var patient = new ElementNode("Patient", children: [new ElementNode("active", "false"), new ElementNode("multipleBirthInteger", "-3")], resourceType: "Patient");

        Assert.Equal("""{"resourceType":"Patient","active":false,"multipleBirthInteger":-3}""", Write(patient));
    }

    [Fact]
    public void Element_the_type_does_not_define_throws_naming_the_path()
    {
        var patient = new ElementNode("Patient", children: [new ElementNode("name", children: [new ElementNode("nickname", "x")])], resourceType: "Patient");

        var exception = Assert.Throws<ArgumentException>(() => Write(patient));
        Assert.Contains("Patient.name", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("active", "yes")]
    [InlineData("multipleBirthInteger", "1,5")]
    [InlineData("multipleBirthInteger", "01")]
    public void Primitive_text_that_is_not_a_json_literal_of_its_kind_throws(string name, string value)
    {
        var patient = new ElementNode("Patient", children: [new ElementNode(name, value)], resourceType: "Patient");

        Assert.Throws<ArgumentException>(() => Write(patient));
    }

    [Fact]
    public void Repeats_of_a_single_element_throw()
    {
        var patient = new ElementNode("Patient", children: [new ElementNode("gender", "male"), new ElementNode("gender", "female")], resourceType: "Patient");

        Assert.Throws<ArgumentException>(() => Write(patient));
    }

    [Fact]
    public void Node_without_a_known_resource_type_throws()
    {
        Assert.Throws<ArgumentException>(() => Write(new ElementNode("Patient", children: [new ElementNode("id", "p")])));
    }

    [Fact]
    public void Indented_output_uses_line_feeds()
    {
        var patient = new ElementNode("Patient", children: [new ElementNode("id", "p")], resourceType: "Patient");

        Assert.Equal("{\n  \"resourceType\": \"Patient\",\n  \"id\": \"p\"\n}", Write(patient, indented: true));
    }

    [Fact]
    public void Trees_built_out_of_definition_order_are_written_in_definition_order_with_repeats_together()
    {
        var patient = new ElementNode("Patient", children:
        [
            new ElementNode("name", children: [new ElementNode("family", "A")]),
            new ElementNode("gender", "male"),
            new ElementNode("id", "p"),
            new ElementNode("name", children: [new ElementNode("family", "B")]),
        ], resourceType: "Patient");

        Assert.Equal("""{"resourceType":"Patient","id":"p","name":[{"family":"A"},{"family":"B"}],"gender":"male"}""", Write(patient));
    }
}
