using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Seeded property tests. The base seed is 20261121 unless ITK3_SEED is set; every failure message names the seed
/// that reproduces it.
/// </summary>
public sealed class JsonPropertyTests
{
    private const int Trees = 300;
    private const int MutationsPerDocument = 50;
    private static readonly int BaseSeed = int.TryParse(Environment.GetEnvironmentVariable("ITK3_SEED"), out var seed) ? seed : 20261121;

    [Fact]
    public void Random_trees_round_trip_through_json()
    {
        var (bytes, withPrimitiveExtras, withHeldResources) = (0L, 0, 0);
        for (var i = 0; i < Trees; i++)
        {
            var seed = BaseSeed + i;
            var tree = new RandomTreeGenerator(Stu3Schema.Instance, seed).Resource();
            foreach (var options in new[] { WriteOptions.Compact, WriteOptions.Pretty })
            {
                var json = FhirSerializer.SerializeToBytes(tree, FhirFormat.Json, options);
                bytes += json.Length;
                withPrimitiveExtras += json.AsSpan().IndexOf("\"_"u8) >= 0 ? 1 : 0;
                withHeldResources += json.AsSpan().LastIndexOf("\"resourceType\""u8) > 2 ? 1 : 0;
                var result = FhirSerializer.Parse(json, FhirFormat.Json);

                Assert.True(result.Issues.Count == 0, $"seed {seed}: {string.Join(" | ", result.Issues)}");
                var difference = ElementTreeComparer.FindDifference(tree, result.Root!);
                Assert.True(difference is null, $"seed {seed}: {difference}");
                Assert.True(json.AsSpan().SequenceEqual(FhirSerializer.SerializeToBytes(result.Root!, FhirFormat.Json, options)), $"seed {seed}: bytes differ");
            }
        }

        // The generator must exercise the interesting shapes, or the property proves little.
        Assert.True(withPrimitiveExtras > Trees / 4 && withHeldResources > Trees / 10 && bytes > Trees * 1000, $"{withPrimitiveExtras} {withHeldResources} {bytes}");
    }

    [Fact]
    public void Random_trees_survive_json_to_xml_to_json()
    {
        for (var i = 0; i < Trees / 2; i++)
        {
            var seed = BaseSeed + 500 + i;
            var json = FhirSerializer.SerializeToBytes(new RandomTreeGenerator(Stu3Schema.Instance, seed).Resource(), FhirFormat.Json);
            var fromJson = FhirSerializer.Parse(json, FhirFormat.Json).Root!;
            var fromXml = FhirSerializer.Parse(FhirSerializer.SerializeToBytes(fromJson, FhirFormat.Xml), FhirFormat.Xml);

            Assert.True(fromXml.Issues.Count == 0, $"seed {seed}: {string.Join(" | ", fromXml.Issues)}");
            var difference = ElementTreeComparer.FindDifference(fromJson, fromXml.Root!);
            Assert.True(difference is null, $"seed {seed}: {difference}");
            Assert.True(json.AsSpan().SequenceEqual(FhirSerializer.SerializeToBytes(fromXml.Root!, FhirFormat.Json)), $"seed {seed}: JSON bytes differ");
        }
    }

    [Fact]
    public void Mutated_json_never_throws_and_whatever_is_read_can_be_written()
    {
        for (var i = 0; i < 30; i++)
        {
            var seed = BaseSeed + 1000 + i;
            var random = new Random(seed);
            var original = FhirSerializer.SerializeToBytes(new RandomTreeGenerator(Stu3Schema.Instance, seed).Resource(), FhirFormat.Json, i % 2 == 0 ? WriteOptions.Compact : WriteOptions.Pretty);
            for (var m = 0; m < MutationsPerDocument; m++)
            {
                var mutated = JsonMutator.Mutate(original, random);
                try
                {
                    ParseAndRewrite(mutated, ParseOptions.Default);
                    ParseAndRewrite(mutated, ParseOptions.Lenient with { MaxDepth = 12 });
                }
                catch (Exception exception)
                {
                    Assert.Fail($"seed {seed}, mutation {m}: {exception}\n{Encoding.UTF8.GetString(mutated)}");
                }
            }
        }
    }

    private static void ParseAndRewrite(byte[] json, ParseOptions options)
    {
        var result = FhirSerializer.Parse(json, FhirFormat.Json, options);
        if (result.Root is not null)
        {
            FhirSerializer.SerializeToBytes(result.Root, FhirFormat.Json);
        }
    }
}
