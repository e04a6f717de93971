using Itk3.Fhir.Serialization;
using Itk3.Testing;

namespace Itk3.Benchmarks;

/// <summary>The inputs the FHIR benchmarks run on, in both formats.</summary>
public static class BenchmarkInputs
{
    /// <summary>The names accepted by <see cref="Load"/>.</summary>
    public static IEnumerable<string> Names => ["discharge-40KB", "pdf-bundle-5MB", "profiles-types"];

    /// <summary>The input as XML and JSON bytes.</summary>
    public static (byte[] Xml, byte[] Json) Load(string name)
    {
        var tree = name switch
        {
            "discharge-40KB" => Parse(File.ReadAllBytes(RepositoryPaths.Fixture("discharge-summary-document.xml")), FhirFormat.Xml),
            "pdf-bundle-5MB" => SampleContent.AttachmentBundle(3_750_000),
            "profiles-types" => Parse(File.ReadAllBytes(FhirDefinitions.Profile("profiles-types.json")), FhirFormat.Json),
            _ => throw new ArgumentException($"Unknown input '{name}'.", nameof(name)),
        };
        return (FhirSerializer.SerializeToBytes(tree, FhirFormat.Xml, WriteOptions.Pretty), FhirSerializer.SerializeToBytes(tree, FhirFormat.Json, WriteOptions.Pretty));
    }

    private static Itk3.Fhir.ElementModel.ElementNode Parse(byte[] content, FhirFormat format)
    {
        var result = FhirSerializer.Parse(content, format);
        return result.Root ?? throw new InvalidOperationException("Benchmark input does not parse: " + string.Join("; ", result.Issues.Take(3)));
    }
}
