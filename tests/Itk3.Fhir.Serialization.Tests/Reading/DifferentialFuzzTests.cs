using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization.Tests.Support;
using Xunit.Abstractions;

namespace Itk3.Fhir.Serialization.Tests.Reading;

/// <summary>
/// Seeded differential fuzzing on mutated valid content (the discharge-summary fixture and the golden inputs, each in
/// both formats), strict and lenient: parsing never throws; whatever a parse accepts (what <c>check</c> passes) is
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
            Assert.True(ElementTreeComparer.FindDifference(parsed.Root!, again.Root!) is null, $"{label}: the {target} written reads back differently");
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

    private static IEnumerable<(string Name, byte[] Bytes, FhirFormat Format)> Sources()
    {
        var files = new[]
        {
            Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "discharge-summary-document.xml"),
            Path.Combine(RepositoryPaths.Golden, "Xml", "message-bundle.xml"),
            Path.Combine(RepositoryPaths.Golden, "Xml", "primitives.xml"),
        };
        foreach (var file in files)
        {
            var tree = FhirSerializer.Parse(File.ReadAllBytes(file), FhirFormat.Xml).Root!;
            foreach (var format in new[] { FhirFormat.Xml, FhirFormat.Json })
            {
                yield return (Path.GetFileName(file), FhirSerializer.SerializeToBytes(tree, format, WriteOptions.Pretty), format);
            }
        }
    }
}
