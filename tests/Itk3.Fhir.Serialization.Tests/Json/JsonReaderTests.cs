using System.Text;
using Itk3.Fhir.ElementModel;
using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

public sealed class JsonReaderTests
{
    [Fact]
    public void Primitive_array_with_parallel_underscore_array_becomes_one_node_per_item()
    {
        var root = ParseValid("""{"resourceType":"Patient","name":[{"given":["a",null],"_given":[null,{"id":"x"}]}]}""");

        var given = root.Child("name")!.ChildrenNamed("given").ToList();
        Assert.Equal(2, given.Count);
        Assert.Equal("a", given[0].Value);
        Assert.Empty(given[0].Children);
        Assert.Null(given[1].Value);
        Assert.Equal("x", given[1].ChildValue("id"));
    }

    [Fact]
    public void Underscore_part_merges_id_before_extensions_whatever_the_property_order()
    {
        var root = ParseValid("""{"resourceType":"Patient","_birthDate":{"extension":[{"url":"u","valueCode":"c"}],"id":"i"},"birthDate":"2000"}""");

        var birthDate = Assert.Single(root.Children);
        Assert.Equal("2000", birthDate.Value);
        Assert.Equal(["id", "extension"], birthDate.Children.Select(child => child.Name));
    }

    [Theory]
    [InlineData("1.10")]
    [InlineData("6.0")]
    [InlineData("1000.0")]
    [InlineData("-0.000120")]
    [InlineData("12345678901234567890.123456789")]
    public void Numbers_keep_their_exact_text_through_read_and_write(string number)
    {
        var json = """{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":""" + number + "}}";

        var root = ParseValid(json);

        Assert.Equal(number, root.Select("valueQuantity.value")!.Value);
        Assert.Equal(json, Write(root));
    }

    [Fact]
    public void Children_follow_definition_order_and_repeats_keep_array_order()
    {
        var root = ParseValid("""{"resourceType":"Patient","gender":"male","name":[{"family":"B"},{"family":"A"}],"active":true,"id":"p"}""");

        Assert.Equal(["id", "active", "name", "name", "gender"], root.Children.Select(child => child.Name));
        Assert.Equal(["B", "A"], root.ChildrenNamed("name").Select(name => name.ChildValue("family")));
    }

    [Fact]
    public void Held_resources_are_named_after_their_element_and_carry_their_type()
    {
        var root = ParseValid("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p"}}]}""");

        var resource = root.Select("entry.resource")!;
        Assert.Equal("Patient", resource.ResourceType);
        Assert.Equal("p", resource.ChildValue("id"));
        Assert.Equal("Bundle", root.ResourceType);
        Assert.Equal("Bundle", root.Name);
    }

    [Fact]
    public void Nodes_carry_the_line_and_column_of_their_property()
    {
        var root = ParseValid("{\n  \"resourceType\": \"Patient\",\n  \"name\": [\n    { \"family\": \"A\" }\n  ],\n  \"gender\": \"male\"\n}");

        Assert.Equal(new SourcePosition(1, 1), root.Position);
        Assert.Equal(new SourcePosition(4, 5), root.Child("name")!.Position);
        Assert.Equal(new SourcePosition(4, 7), root.Select("name.family")!.Position);
        Assert.Equal(new SourcePosition(6, 3), root.Child("gender")!.Position);
    }

    [Fact]
    public void Streams_and_bytes_give_the_same_tree_and_a_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"resourceType":"Patient","name":[{"given":["é","b"]}]}""")).ToArray();

        var fromBytes = FhirSerializer.Parse(bytes, FhirFormat.Json);
        var fromStream = FhirSerializer.Parse(new NonSeekableStream(bytes), FhirFormat.Json);
        var fromSeekable = FhirSerializer.Parse(new MemoryStream(bytes), FhirFormat.Json);

        Assert.True(fromBytes.Success);
        Assert.Null(ElementTreeComparer.FindDifference(fromBytes.Root!, fromStream.Root!));
        Assert.Null(ElementTreeComparer.FindDifference(fromBytes.Root!, fromSeekable.Root!));
    }

    [Fact]
    public void Escaped_property_names_and_values_are_read()
    {
        var root = ParseValid("""{"resource\u0054ype":"Patient","g\u0065nder":"ma\u006ce"}""");

        Assert.Equal("male", root.ChildValue("gender"));
    }
}
