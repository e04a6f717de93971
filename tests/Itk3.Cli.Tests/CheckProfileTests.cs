using System.Text.Json;
using Itk3.Testing;

namespace Itk3.Cli.Tests;

public sealed class CheckProfileTests : IDisposable
{
    private const string Composition = "https://example.org/fhir/StructureDefinition/Test-Letter-Composition";
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-cli-profile-").FullName;

    private static string Package => RepositoryPaths.Fixture("profiles/package");

    private static string Letter => RepositoryPaths.Fixture("profiles/letter-bundle.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_with_a_package_validates_the_profiles_the_content_claims_and_exits_0_when_it_meets_them()
    {
        var run = CliRun.Of("check", "--package", Package, Letter);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("invariant-not-checked", run.Output);
        Assert.Contains("0 error(s)", run.Output);
    }

    [Fact]
    public void Check_with_a_profile_url_reports_each_broken_rule_with_its_profile_and_element_and_exits_1()
    {
        var input = Path.Combine(_folder, "letter.json");
        File.WriteAllText(input, File.ReadAllText(Letter).Replace("\"title\": \"Clinic letter\",", "", StringComparison.Ordinal));

        var run = CliRun.Of("check", "--package", Package, "--profile", "https://example.org/fhir/StructureDefinition/Test-Letter-Bundle", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"cardinality-too-few", run.Output);
        Assert.Contains($"[{Composition}#Composition.title]", run.Output);
    }

    [Fact]
    public void Check_with_a_profile_file_and_json_output_lists_profile_and_element_id()
    {
        var patient = Path.Combine(_folder, "patient.json");
        File.WriteAllText(patient, """{"resourceType":"Patient","gender":"female"}""");

        var run = CliRun.Of("check", "--format", "json", "--profile", Path.Combine(Package, "StructureDefinition-Test-Patient.json"), patient);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var issue = document.RootElement[0].GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "cardinality-too-few");
        Assert.Equal("https://example.org/fhir/StructureDefinition/Test-Patient", issue.GetProperty("profile").GetString());
        Assert.Equal("Patient.identifier", issue.GetProperty("elementId").GetString());
    }

    [Fact]
    public void Check_with_a_profile_that_is_not_loaded_fails_the_input()
    {
        var run = CliRun.Of("check", "--package", Package, "--profile", "https://example.org/fhir/StructureDefinition/Nowhere", Letter);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("profile-unavailable", run.Output);
    }

    [Fact]
    public void Check_with_a_missing_package_folder_exits_2()
    {
        var run = CliRun.Of("check", "--package", Path.Combine(_folder, "missing"), Letter);

        Assert.Equal(2, run.ExitCode);
    }
}
