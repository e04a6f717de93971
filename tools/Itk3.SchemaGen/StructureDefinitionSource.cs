using System.Text.Json;

namespace Itk3.SchemaGen;

/// <summary>Loads the specialisation StructureDefinitions (primitive, complex and resource kinds) from FHIR definition bundles.</summary>
internal static class StructureDefinitionSource
{
    private static readonly HashSet<string> Kinds = ["primitive-type", "complex-type", "resource"];

    public static IReadOnlyList<JsonElement> Load(params string[] bundlePaths)
    {
        var result = new List<JsonElement>();
        foreach (var path in bundlePaths)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
            {
                var resource = entry.GetProperty("resource");
                if (IsSpecialisation(resource))
                {
                    result.Add(resource.Clone());
                }
            }
        }

        return result;
    }

    private static bool IsSpecialisation(JsonElement resource) =>
        resource.GetProperty("resourceType").GetString() == "StructureDefinition"
        && Kinds.Contains(resource.GetProperty("kind").GetString()!)
        && (!resource.TryGetProperty("derivation", out var derivation) || derivation.GetString() == "specialization");
}
