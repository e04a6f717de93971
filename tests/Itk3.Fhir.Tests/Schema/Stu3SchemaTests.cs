using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Tests.Schema;

public sealed class Stu3SchemaTests
{
    private readonly IFhirSchema _schema = Stu3Schema.Instance;

    [Fact]
    public void Knows_every_concrete_STU3_resource()
    {
        var concrete = _schema.Types.Count(type => type.IsResource && !type.IsAbstract);
        Assert.Equal(117, concrete);
        Assert.Equal("3.0.1", _schema.FhirVersion);
    }

    [Fact]
    public void Resolves_choice_elements_by_typed_wire_name()
    {
        var extension = _schema.FindType("Extension")!;
        Assert.True(extension.TryFindElement("valueCodeableConcept", out var match));
        Assert.Equal("value", match.Definition.Name);
        Assert.Equal("CodeableConcept", match.TypeName);
        Assert.False(extension.TryFindElement("value", out _));
    }

    [Fact]
    public void Marks_attributes_xhtml_and_arrays()
    {
        var extension = _schema.FindType("Extension")!;
        Assert.True(extension.TryFindElement("url", out var url));
        Assert.Equal(ElementRepresentation.XmlAttribute, url.Definition.Representation);
        Assert.True(_schema.FindType("Narrative")!.TryFindElement("div", out var div));
        Assert.Equal(ElementRepresentation.Xhtml, div.Definition.Representation);
        Assert.True(_schema.FindType("Bundle")!.TryFindElement("entry", out var entry));
        Assert.True(entry.Definition.IsArray);
        Assert.Equal("Bundle.entry", entry.TypeName);
    }

    [Fact]
    public void Resource_id_is_an_element_but_datatype_id_is_an_attribute()
    {
        Assert.True(_schema.FindType("Patient")!.TryFindElement("id", out var resourceId));
        Assert.Equal(ElementRepresentation.Element, resourceId.Definition.Representation);
        Assert.True(_schema.FindType("Coding")!.TryFindElement("id", out var elementId));
        Assert.Equal(ElementRepresentation.XmlAttribute, elementId.Definition.Representation);
    }

    [Fact]
    public void Resolves_content_references_to_their_backbone_type()
    {
        Assert.True(_schema.FindType("Questionnaire.item")!.TryFindElement("item", out var nested));
        Assert.Equal("Questionnaire.item", nested.TypeName);
        Assert.NotNull(_schema.FindType(nested.TypeName));
    }

    [Fact]
    public void Gives_primitive_json_kinds()
    {
        Assert.Equal(PrimitiveJsonKind.Number, _schema.FindType("decimal")!.JsonKind);
        Assert.Equal(PrimitiveJsonKind.Boolean, _schema.FindType("boolean")!.JsonKind);
        Assert.Equal(PrimitiveJsonKind.String, _schema.FindType("instant")!.JsonKind);
    }

    [Fact]
    public void Every_referenced_type_is_defined()
    {
        var missing = _schema.Types
            .SelectMany(type => type.Elements.SelectMany(element => element.TypeNames))
            .Where(name => _schema.FindType(name) is null)
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Malformed_schema_text_names_the_line()
    {
        var error = Assert.Throws<FormatException>(() => SchemaTextReader.Read(new StringReader("fhirVersion 3.0.1\nwidget Foo\n")));
        Assert.Contains("line 2", error.Message);
    }
}
