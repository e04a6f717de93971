using Itk3.Fhir.Profiles.Loading;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Fhir.Serialization;
using Itk3.Testing;
using Xunit.Abstractions;

namespace Itk3.Fhir.Profiles.Tests;

/// <summary>
/// Every example of the NHS STU3 assets, validated against the profiles it claims. The defects asserted here were
/// checked by hand against the profiles (see docs/profiles.md); the counts are printed for the record.
/// </summary>
public sealed class Stu3AssetsTests(ITestOutputHelper output)
{
    [RequiresStu3AssetsFact]
    public void Every_example_is_validated_against_the_profiles_it_claims_and_the_hand_checked_defects_are_found()
    {
        var results = ValidateExamples(withCore: false);

        Assert.True(results.Count >= 180, $"only {results.Count} examples read");
        Assert.Contains(results["ITK-OPL-Document-Bundle-1-Example-1.xml"].Issues,
            i => i.Code == "cardinality-too-few" && i.ElementId == "AllergyIntolerance.assertedDate");
        Assert.Contains(results["ITK-Response-20009-Example-2.xml"].Issues,
            i => i.Code == "cardinality-too-few" && i.ElementId == "MessageHeader.extension:ITKMessageHandling");
        Assert.Contains(results.Values.SelectMany(r => r.Issues),
            i => i.Code == "binding-extensible" && i.Issue.Message.Contains("CareConnect-ConditionCategory-1", StringComparison.Ordinal));
        Assert.True(results["ITK-Response-20009-Example-1.xml"].IsValid);
    }

    [RequiresDefinitionsFact]
    public void With_the_core_definitions_the_base_invariants_and_datatypes_are_checked_too()
    {
        if (!Stu3Assets.IsAvailable)
        {
            return;
        }

        var results = ValidateExamples(withCore: true);

        Assert.Contains(results["ITK-SendPayload-Payload-Removed-Example-1.xml"].Issues,
            i => i.Code == "cardinality-too-few" && i.ElementId == "Bundle.type");
        Assert.True(results["NDOP-CapabilityStatement-Example-1.xml"].IsValid, "implementationGuide is not a typed 'implementation'");
        Assert.DoesNotContain(results.Values.SelectMany(r => r.Issues), i => i.ElementId == "xhtml.value");
    }

    private Dictionary<string, ProfileValidationResult> ValidateExamples(bool withCore)
    {
        var paths = Stu3Assets.PackageFolders.Select(f => Path.Combine(Stu3Assets.Folder, f)).ToList();
        if (withCore)
        {
            paths.AddRange(new[] { "profiles-types.json", "profiles-resources.json", "valuesets.json" }.Select(FhirDefinitions.Profile));
        }

        var validator = new ProfileValidator(ConformanceLoader.Load(paths, out var problems));
        output.WriteLine($"loaded {validator.Package.Counts}; {problems.Count} package file(s) unreadable");
        var results = new Dictionary<string, ProfileValidationResult>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(Stu3Assets.Folder, "Examples")).Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllBytes(file);
            var parsed = FhirSerializer.Parse(content, FhirSerializer.DetectFormat(content) ?? FhirFormat.Xml, ParseOptions.Lenient);
            if (parsed.Root is null)
            {
                output.WriteLine($"{Path.GetFileName(file)}: not readable ({parsed.Issues[0].Code})");
                continue;
            }

            results[Path.GetFileName(file)] = validator.Validate(parsed.Root);
        }

        var valid = results.Values.Count(r => r.IsValid);
        var notChecked = results.Values.Count(r => r.NotCheckedCount > 0);
        output.WriteLine($"{results.Count} examples: {valid} valid, {results.Count - valid} with errors, {notChecked} with something not checked");
        foreach (var group in results.Values.SelectMany(r => r.Issues).GroupBy(i => i.Code).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        return results;
    }
}
