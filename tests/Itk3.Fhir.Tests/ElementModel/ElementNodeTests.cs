using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Tests.ElementModel;

public sealed class ElementNodeTests
{
    [Fact]
    public void A_resource_node_keeps_its_name_and_resource_type()
    {
        var node = new ElementNode("resource", children: [new ElementNode("active", "true")], resourceType: "Patient", position: new SourcePosition(3, 7));

        Assert.Equal("resource", node.Name);
        Assert.Equal("Patient", node.ResourceType);
        Assert.True(node.IsResource);
        Assert.Equal(new SourcePosition(3, 7), node.Position);
        Assert.Equal("true", node.ChildValue("active"));
    }

    [Fact]
    public void An_element_node_has_no_resource_type()
    {
        var node = new ElementNode("gender", "female");

        Assert.Equal("gender", node.Name);
        Assert.Null(node.ResourceType);
        Assert.False(node.IsResource);
    }

    [Fact]
    public void Renaming_keeps_the_resource_type_and_everything_else()
    {
        var root = new ElementNode("Patient", children: [new ElementNode("active", "true")], resourceType: "Patient", position: new SourcePosition(1, 1));

        var wrapped = root.WithName("contained");

        Assert.Equal("contained", wrapped.Name);
        Assert.Equal("Patient", wrapped.ResourceType);
        Assert.Same(root.Children, wrapped.Children);
        Assert.Equal(root.Position, wrapped.Position);
        Assert.Equal("Patient", root.Name);
    }
}
