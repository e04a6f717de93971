using System.Text.Json;
using Itk3.Fhir.Serialization;
using Itk3.Testing;

namespace Itk3.Cli.Tests;

public sealed class FhirCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Convert_writes_json_that_parses_back_to_the_same_tree()
    {
        var input = RepositoryPaths.Fixture("discharge-summary-document.xml");
        var output = Path.Combine(_folder, "out.json");

        var run = CliRun.Of("convert", input, "-o", output);

        Assert.Equal(0, run.ExitCode);
        var original = FhirSerializer.Parse(File.ReadAllBytes(input), FhirFormat.Xml).Root!;
        var converted = FhirSerializer.Parse(File.ReadAllBytes(output), FhirFormat.Json);
        Assert.True(converted.Success);
        Assert.Null(Fhir.ElementModel.ElementTreeComparer.FindDifference(original, converted.Root!));
    }

    [Fact]
    public void Convert_refuses_invalid_content_with_exit_code_1()
    {
        var input = Write("bad.json", """{"resourceType":"Patient","birthDate":"12/03/1961"}""");

        var run = CliRun.Of("convert", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("primitive-invalid", run.Error);
    }

    [Fact]
    public void Convert_reports_a_missing_file_with_exit_code_2()
    {
        var run = CliRun.Of("convert", Path.Combine(_folder, "missing.xml"));

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Check_prints_each_issue_with_path_position_and_code()
    {
        var input = Write("bad.json", "{\n  \"resourceType\": \"Patient\",\n  \"birthDate\": \"12/03/1961\"\n}");

        var run = CliRun.Of("check", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Patient.birthDate (3:3) primitive-invalid", run.Output);
    }

    [Fact]
    public void Check_as_json_lists_issues_with_code_and_location()
    {
        var input = Write("bad.json", """{"resourceType":"Patient","colour":"blue"}""");

        var run = CliRun.Of("check", "--format", "json", input);

        Assert.Equal(1, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var issue = report.RootElement[0].GetProperty("issues")[0];
        Assert.Equal("element-unknown", issue.GetProperty("code").GetString());
        Assert.Equal("Patient.colour", issue.GetProperty("location").GetString());
        Assert.False(report.RootElement[0].GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void Check_passes_a_valid_file_with_exit_code_0()
    {
        var run = CliRun.Of("check", RepositoryPaths.Fixture("discharge-summary-document.xml"));

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Check_accepts_out_of_order_elements_only_when_lenient()
    {
        var input = Write("order.xml", """<Patient xmlns="http://hl7.org/fhir"><gender value="male"/><active value="true"/></Patient>""");

        Assert.Equal(1, CliRun.Of("check", input).ExitCode);
        Assert.Equal(0, CliRun.Of("check", "--lenient", input).ExitCode);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
