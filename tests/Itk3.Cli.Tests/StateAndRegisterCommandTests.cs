using System.Text.Json;
using Itk3.Testing;

namespace Itk3.Cli.Tests;

public sealed class StateAndRegisterCommandTests : IDisposable
{
    private const string Definition = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4";
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-cli-state-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Build(string name)
    {
        var output = Path.Combine(_folder, name);
        var run = CliRun.Of("build", RepositoryPaths.Fixture("discharge-summary-document.xml"), "-e", "ITK003D", "-d", Definition, "--sender-ods", "RX1", "-m", "RX1OT001", "-o", output);
        Assert.Equal(0, run.ExitCode);
        return output;
    }

    private static string CodeOf(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("code").GetString()!;
    }

    [Fact]
    public void Validate_with_state_answers_a_resent_message_20007_and_the_same_document_in_a_new_message_20008_across_calls()
    {
        var state = Path.Combine(_folder, "state");
        var first = Build("first.xml");
        var second = Build("second.xml");

        Assert.Equal("20013", CodeOf(CliRun.Of("validate", first, "--state", state, "--format", "json")));
        Assert.Equal("20007", CodeOf(CliRun.Of("validate", first, "--state", state, "--format", "json")));
        Assert.Equal("20008", CodeOf(CliRun.Of("validate", second, "--state", state, "--format", "json")));
        Assert.Equal("20013", CodeOf(CliRun.Of("validate", first, "--format", "json")));
        Assert.True(File.Exists(Path.Combine(state, "history.json")));
    }

    [Fact]
    public void A_corrupt_state_file_is_a_usage_error_naming_the_file()
    {
        var state = Directory.CreateDirectory(Path.Combine(_folder, "state"));
        File.WriteAllText(Path.Combine(state.FullName, "history.json"), "{ not json");

        var run = CliRun.Of("validate", Build("m.xml"), "--state", state.FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("history.json", run.Error);
    }

    [Theory]
    [InlineData("9990000018,registered", "30001")]
    [InlineData("9990000018,left", "30003")]
    [InlineData("9990000026,registered", "30002")]
    public void Respond_with_a_patient_register_writes_the_business_response_the_register_decides(string row, string code)
    {
        var patients = Path.Combine(_folder, "patients.csv");
        File.WriteAllText(patients, "nhs_number,status,date\n" + row + "\n");
        var output = Path.Combine(_folder, "out");

        var run = CliRun.Of("respond", Build("m.xml"), "--responder-ods", "A81001", "-m", "GPBOX01", "--patients", patients, "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["01-20013.xml", $"02-{code}.xml"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_malformed_patient_register_is_a_usage_error_with_its_line()
    {
        var patients = Path.Combine(_folder, "patients.csv");
        File.WriteAllText(patients, "9990000018,registered\n9990000018,emigrated\n");

        var run = CliRun.Of("respond", Build("m.xml"), "--responder-ods", "A81001", "-m", "GPBOX01", "--patients", patients, "-o", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 2", run.Error);
    }

    [Fact]
    public void Respond_refuses_a_business_code_the_profiles_programme_does_not_define()
    {
        var profile = Path.Combine(_folder, "profile.json");
        File.WriteAllText(profile, """{ "programme": "2.9" }""");

        var run = CliRun.Of("respond", Build("m.xml"), "--responder-ods", "A81001", "-m", "GPBOX01", "-b", "30019", "--profile", profile, "-o", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("30019", run.Error);
    }
}
