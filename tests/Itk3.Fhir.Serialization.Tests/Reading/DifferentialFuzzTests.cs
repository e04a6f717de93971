using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization.Tests.Support;
using FhirDefinitions = Itk3.Testing.FhirDefinitions;
using XhtmlMeaning = Itk3.Testing.XhtmlMeaning;
using Xunit.Abstractions;

namespace Itk3.Fhir.Serialization.Tests.Reading;

/// <summary>
/// Seeded differential fuzzing on mutated valid content (the discharge-summary fixture, the golden inputs and, when the
/// official definitions are on disk, official STU3 resources from them: each in both formats), strict and lenient: parsing never throws; whatever a parse accepts (what <c>check</c> passes) is
/// written in both formats without an exception (what <c>convert</c> does) and reads back as the same tree; and what
/// lenient reading writes is valid when read strictly (only the codes of required bindings are kept as they came).
/// The base seed is 20261202 unless ITK3_SEED is set; a failure names its seed.
/// </summary>
public sealed class DifferentialFuzzTests(ITestOutputHelper output)
{
    private const int MutationsPerSource = 150;
    private static readonly int BaseSeed = int.TryParse(Environment.GetEnvironmentVariable("ITK3_SEED"), out var seed) ? seed : 20261202;

    [Fact]
    public void Mutated_content_never_throws_and_check_and_convert_agree_in_both_formats_and_modes()
    {
        var inputs = 0;
        var accepted = 0;
        foreach (var (name, bytes, format) in Sources())
        {
            for (var i = 0; i < MutationsPerSource; i++)
            {
                var caseSeed = BaseSeed + (inputs * 7919);
                var mutated = ValueMutator.Mutate(bytes, format, new Random(caseSeed));
                foreach (var options in new[] { ParseOptions.Default, ParseOptions.Lenient })
                {
                    inputs++;
                    accepted += CheckOne(mutated, format, options, $"{name} {format} strict={options.Strict} seed {caseSeed}") ? 1 : 0;
                }
            }
        }

        output.WriteLine($"{inputs} mutated inputs, {accepted} accepted and converted both ways");
        Assert.True(accepted > 0 && accepted < inputs, $"{accepted} of {inputs} accepted: the mutations neither all pass nor all fail");
    }

    private static bool CheckOne(byte[] input, FhirFormat format, ParseOptions options, string label)
    {
        var parsed = Try(() => FhirSerializer.Parse(input, format, options), label + " parse");
        if (!parsed.Success)
        {
            return false;
        }

        foreach (var target in new[] { FhirFormat.Json, FhirFormat.Xml })
        {
            var written = Try(() => FhirSerializer.SerializeToBytes(parsed.Root!, target), $"{label} convert to {target}");
            var again = FhirSerializer.Parse(written, target, options);
            Assert.True(again.Success, $"{label}: the {target} written does not read back: {string.Join(" | ", again.Issues)}");
            var difference = FindDifference(parsed.Root!, again.Root!, parsed.Root!.Name);
            Assert.True(difference is null, $"{label}: the {target} written reads back differently at {difference}");
            var strict = FhirSerializer.Parse(written, target);
            Assert.True(strict.Issues.All(issue => issue.Code == FhirIssues.CodeNotInValueSet.Code),
                $"{label}: the {target} written is not valid: {string.Join(" | ", strict.Issues)}");
        }

        return true;
    }

    private static T Try<T>(Func<T> action, string label)
    {
        try
        {
            return action();
        }
        catch (Exception exception)
        {
            Assert.Fail($"{label} threw {exception.GetType().Name}: {exception.Message}");
            throw;
        }
    }

    /// <summary>
    /// Like <see cref="ElementTreeComparer"/>, except that narrative divs compare by meaning: a mutation can leave raw
    /// whitespace that XML normalises in a JSON div, which comes back from XML normalised (docs/fhir.md).
    /// </summary>
    private static string? FindDifference(ElementNode left, ElementNode right, string path)
    {
        var sameValue = left.Value == right.Value
            || (left.Name == "div" && left.Value is not null && right.Value is not null && XhtmlMeaning.Describe(left.Value) == XhtmlMeaning.Describe(right.Value));
        if (left.Name != right.Name || left.ResourceType != right.ResourceType || !sameValue || left.Children.Count != right.Children.Count)
        {
            return path;
        }

        for (var i = 0; i < left.Children.Count; i++)
        {
            if (FindDifference(left.Children[i], right.Children[i], $"{path}.{left.Children[i].Name}[{i}]") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static IEnumerable<(string Name, byte[] Bytes, FhirFormat Format)> Sources()
    {
        var files = new[]
        {
            Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "discharge-summary-document.xml"),
            Path.Combine(RepositoryPaths.Golden, "Xml", "message-bundle.xml"),
            Path.Combine(RepositoryPaths.Golden, "Xml", "primitives.xml"),
        };
        var trees = files.Select(file => (Path.GetFileName(file), FhirSerializer.Parse(File.ReadAllBytes(file), FhirFormat.Xml).Root!)).Concat(OfficialResources());
        foreach (var (name, tree) in trees)
        {
            foreach (var format in new[] { FhirFormat.Xml, FhirFormat.Json })
            {
                yield return (name, FhirSerializer.SerializeToBytes(tree, format, WriteOptions.Pretty), format);
            }
        }
    }

    /// <summary>Official resources of several kinds (StructureDefinitions with narratives, ValueSets, a SearchParameter).</summary>
    private static IEnumerable<(string Name, ElementNode Tree)> OfficialResources()
    {
        if (!FhirDefinitions.IsAvailable)
        {
            yield break;
        }

        foreach (var (bundle, ids) in new[] { ("profiles-types.json", new[] { "Coding", "Period" }), ("valuesets.json", ["administrative-gender", "observation-status"]), ("search-parameters.json", ["Patient-gender"]) })
        {
            var root = FhirSerializer.Parse(File.ReadAllBytes(FhirDefinitions.Profile(bundle)), FhirFormat.Json).Root!;
            foreach (var entry in root.ChildrenNamed("entry"))
            {
                var resource = entry.Child("resource")!;
                if (ids.Contains(resource.ChildValue("id")))
                {
                    // Once through XML: the official narratives' CRLF line ends become what the readers give (docs/fhir.md,
                    // "Narrative whitespace"), so that the base content crosses formats unchanged.
                    var tree = resource.WithName(resource.ResourceType!);
                    yield return ($"{bundle}#{resource.ChildValue("id")}", FhirSerializer.Parse(FhirSerializer.SerializeToBytes(tree, FhirFormat.Xml), FhirFormat.Xml).Root!);
                }
            }
        }
    }
}
