using Itk3.Fhir.Schema;
using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// The reader finds a member's slot by its definition's order; a schema built in code may give two definitions one order
/// or use orders far beyond the usual, and members must still be kept apart and duplicates still found.
/// </summary>
public sealed class JsonCodeBuiltSchemaTests
{
    private static readonly ParseOptions Options = new() { Schema = BuildSchema() };

    [Fact]
    public void Two_definitions_sharing_an_order_keep_their_own_members()
    {
        var result = Parse("""{"resourceType":"Thing","first":"a","second":"b","far":"c"}""", Options);

        Assert.Empty(result.Issues);
        Assert.Equal(["first=a", "second=b", "far=c"], result.Root!.Children.Select(child => child.ToString()));
    }

    [Theory]
    [InlineData("""{"resourceType":"Thing","first":"a","second":"b","first":"c"}""", "Thing.first")]
    [InlineData("""{"resourceType":"Thing","first":"a","second":"b","second":"c"}""", "Thing.second")]
    [InlineData("""{"resourceType":"Thing","second":"b","first":"a","second":"c"}""", "Thing.second")]
    [InlineData("""{"resourceType":"Thing","far":"b","first":"a","far":"c"}""", "Thing.far")]
    public void A_duplicate_is_found_whatever_order_its_definition_has(string json, string location)
    {
        var result = Parse(json, Options);

        Assert.Equal(location, Single(result, "property-duplicate").Location);
    }

    [Fact]
    public void Sibling_objects_do_not_see_each_others_members()
    {
        var result = Parse("""{"resourceType":"Thing","part":[{"first":"a","far":"b"},{"first":"c","far":"d"}]}""", Options);

        Assert.Empty(result.Issues);
        Assert.Equal(2, result.Root!.Children.Count);
    }

    private static FhirSchema BuildSchema()
    {
        FhirElementDefinition Element(string name, int order, string type, bool isArray = false) =>
            new(name, order, 0, isArray, false, [type], ElementRepresentation.Element);

        var text = new FhirTypeDefinition("string", FhirTypeKind.Primitive, false, PrimitiveJsonKind.String, []);
        var part = new FhirTypeDefinition("Thing.part", FhirTypeKind.Backbone, false, PrimitiveJsonKind.String,
            [Element("first", 0, "string"), Element("far", 300, "string")]);
        var thing = new FhirTypeDefinition("Thing", FhirTypeKind.Resource, false, PrimitiveJsonKind.String,
            [Element("first", 1, "string"), Element("second", 1, "string"), Element("far", 500, "string"), Element("part", 600, "Thing.part", isArray: true)]);
        return new FhirSchema("3.0.2", [text, part, thing]);
    }
}
