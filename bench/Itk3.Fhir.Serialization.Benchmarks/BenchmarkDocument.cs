using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Benchmarks;

/// <summary>A collection Bundle of about 1 MB made of the golden JSON fixtures' resources, repeated.</summary>
internal static class BenchmarkDocument
{
    public static byte[] Create(int copies, bool withNarrative)
    {
        var resources = new List<ElementNode>();
        foreach (var name in new[] { "message-bundle", "decimal-list", "contained-narrative" })
        {
            using var stream = typeof(BenchmarkDocument).Assembly.GetManifestResourceStream($"Golden.{name}.input.json")!;
            var root = FhirSerializer.Parse(stream, FhirFormat.Json).Root!;
            resources.AddRange(root.ResourceType == "Bundle" ? root.ChildrenNamed("entry").Select(entry => entry.Child("resource")!) : [root]);
        }

        var children = new List<ElementNode> { new("type", "collection") };
        for (var i = 0; i < copies; i++)
        {
            children.AddRange(resources.Select(resource => new ElementNode("entry", null, [(withNarrative ? resource : WithoutNarrative(resource)).WithName("resource")])));
        }

        return FhirSerializer.SerializeToBytes(new ElementNode("Bundle", null, children, "Bundle"), FhirFormat.Json);
    }

    private static ElementNode WithoutNarrative(ElementNode node) =>
        new(node.Name, node.Value, node.Children.Where(child => !(child.Name == "text" && child.Child("div") is not null)).Select(WithoutNarrative).ToList(), node.ResourceType);
}
