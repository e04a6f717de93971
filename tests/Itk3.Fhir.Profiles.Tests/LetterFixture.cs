using System.Text;
using System.Text.Json.Nodes;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.Loading;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Fhir.Serialization;
using Itk3.Testing;

namespace Itk3.Fhir.Profiles.Tests;

/// <summary>The hand-written test package (tests/fixtures/profiles/package) and the valid letter Bundle, with helpers to mutate and validate it.</summary>
internal static class LetterFixture
{
    public const string Base = "https://example.org/fhir/StructureDefinition/";
    public const string LetterComposition = Base + "Test-Letter-Composition";
    public const string LetterBundle = Base + "Test-Letter-Bundle";
    public const string ProfiledBundle = Base + "Test-Profiled-Bundle";
    public const string Patient = Base + "Test-Patient";
    public const string PatientWithGender = Base + "Test-Patient-With-Gender";
    public const string OrphanPatient = Base + "Test-Orphan-Patient";

    private static readonly Lazy<ProfileValidator> Shared = new(() => new ProfileValidator(LoadPackage()));

    public static string Folder => RepositoryPaths.Fixture("profiles");

    /// <summary>One validator for all tests: profiles are compiled once, as in production.</summary>
    public static ProfileValidator Validator => Shared.Value;

    public static ConformancePackage LoadPackage()
    {
        var package = ConformanceLoader.Load([Path.Combine(Folder, "package")], out var problems);
        Assert.Empty(problems);
        return package;
    }

    public static JsonObject LetterJson() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "letter-bundle.json")))!.AsObject();

    public static JsonObject Composition(JsonObject bundle) => bundle["entry"]![0]!["resource"]!.AsObject();

    public static JsonObject PatientOf(JsonObject bundle) => bundle["entry"]![1]!["resource"]!.AsObject();

    public static ElementNode Parse(JsonNode json)
    {
        var parsed = FhirSerializer.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), FhirFormat.Json);
        Assert.True(parsed.Success, string.Join('\n', parsed.Issues));
        return parsed.Root!;
    }

    public static ProfileValidationResult Validate(JsonNode json, params string[] profiles) => Validator.Validate(Parse(json), profiles);
}
