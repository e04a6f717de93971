using BenchmarkDotNet.Attributes;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.Loading;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Fhir.Serialization;
using Itk3.Testing;

namespace Itk3.Benchmarks;

/// <summary>
/// The 40 KB discharge document (<c>tests/fixtures/discharge-summary-document.xml</c>) validated, warm (profiles compiled
/// once and cached), against ITK-Document-Bundle-1 with its Composition claiming the NHS Electronic Discharge Composition
/// profile (CareConnect-ITK-EDIS-Composition-1), beside the plain XML parse of the same bytes (baseline). "Profiles"
/// loads the NHS STU3 assets only; "profiles + core" adds the official STU3 definitions, so every resource and datatype
/// is also walked against its base definition and base invariants. The NHS assets are read in place from
/// ../shared/stu3-fhir-assets (ITK3_SHARED overrides), never committed.
/// </summary>
[MemoryDiagnoser]
public class ProfileValidationBenchmarks
{
    private const string DocumentBundle = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1";
    private const string EdisComposition = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-ITK-EDIS-Composition-1";
    private byte[] _xml = [];
    private ElementNode _document = null!;
    private ProfileValidator _profiles = null!;
    private ProfileValidator _withCore = null!;

    [GlobalSetup]
    public void Setup()
    {
        var assets = Environment.GetEnvironmentVariable("ITK3_SHARED") is { Length: > 0 } shared
            ? Path.Combine(shared, "stu3-fhir-assets")
            : Path.Combine(RepositoryPaths.Root, "..", "shared", "stu3-fhir-assets");
        if (!Directory.Exists(assets))
        {
            throw new InvalidOperationException($"{assets} is not present: this benchmark needs the NHS STU3 assets.");
        }

        var package = new[] { "StructureDefinitions", "ValueSets", "CodeSystems" }.Select(f => Path.Combine(assets, f)).ToList();
        _profiles = new ProfileValidator(ConformanceLoader.Load(package, out _));
        var core = new[] { "profiles-types.json", "profiles-resources.json", "valuesets.json" }.Select(FhirDefinitions.Profile);
        _withCore = new ProfileValidator(ConformanceLoader.Load([.. package, .. core], out _));
        _xml = File.ReadAllBytes(RepositoryPaths.Fixture("discharge-summary-document.xml"));
        _document = ClaimCompositionProfile(FhirSerializer.Parse(_xml, FhirFormat.Xml).Root!);
        Console.WriteLine($"// profiles: {Describe(_profiles.Validate(_document, [DocumentBundle]))}; profiles + core: {Describe(_withCore.Validate(_document, [DocumentBundle]))}");
    }

    [Benchmark(Baseline = true, Description = "FhirSerializer.Parse (XML, baseline)")]
    public ElementNode? Parse() => FhirSerializer.Parse(_xml, FhirFormat.Xml).Root;

    [Benchmark(Description = "Validate: profiles")]
    public int ValidateProfiles() => _profiles.Validate(_document, [DocumentBundle]).Issues.Count;

    [Benchmark(Description = "Validate: profiles + core")]
    public int ValidateProfilesAndCore() => _withCore.Validate(_document, [DocumentBundle]).Issues.Count;

    private static string Describe(ProfileValidationResult result) => $"{result.ErrorCount} errors, {result.NotCheckedCount} not checked, {result.Issues.Count} issues";

    // The fixture's Composition claims CareConnect-Composition-1, which the NHS assets do not hold: claim the EDIS profile instead.
    private static ElementNode ClaimCompositionProfile(ElementNode bundle)
    {
        var entries = bundle.Children.Select(child => child.Child("resource") is { ResourceType: "Composition" } composition
            ? Replace(child, composition, Replace(composition, composition.Child("meta")!, new ElementNode("meta", null, [new ElementNode("profile", EdisComposition)])))
            : child).ToList();
        return new ElementNode(bundle.Name, bundle.Value, entries, bundle.ResourceType, bundle.Position);
    }

    private static ElementNode Replace(ElementNode parent, ElementNode old, ElementNode replacement) =>
        new(parent.Name, parent.Value, [.. parent.Children.Select(c => ReferenceEquals(c, old) ? replacement : c)], parent.ResourceType, parent.Position);
}
