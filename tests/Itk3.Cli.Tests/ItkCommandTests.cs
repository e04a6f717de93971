using System.Text.Json;
using Itk3.Testing;

namespace Itk3.Cli.Tests;

public sealed class ItkCommandTests : IDisposable
{
    private const string Definition = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4";
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-cli-itk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Build(string format = "xml", params string[] extra)
    {
        var output = Path.Combine(_folder, "message." + format);
        var run = CliRun.Of([
            "build", RepositoryPaths.Fixture("discharge-summary-document.xml"), "-e", "ITK003D", "-d", Definition,
            "--sender-ods", "RX1", "-m", "RX1OT001", "--to", format, "-o", output, .. extra]);
        Assert.Equal(0, run.ExitCode);
        return output;
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public void Built_messages_validate_with_20013(string format)
    {
        var run = CliRun.Of("validate", Build(format), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("20013", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public void Validate_with_the_sample_profile_reports_the_flow_rule_code_and_exits_1()
    {
        var message = Build("xml", "--inf-ack", "false");

        var run = CliRun.Of("validate", message, "--profile", Path.Combine(RepositoryPaths.Root, "samples", "receiver-profile.json"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("10008", json.RootElement.GetProperty("code").GetString());
        Assert.True(json.RootElement.GetProperty("findings")[0].GetProperty("location").GetString()!.Length > 0);
    }

    [Fact]
    public void Validate_reports_unreadable_content_as_10009()
    {
        var bad = Path.Combine(_folder, "bad.xml");
        File.WriteAllText(bad, "<Bundle xmlns=\"http://hl7.org/fhir\"><type");

        var run = CliRun.Of("validate", bad);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("10009", run.Output);
    }

    [Fact]
    public void Respond_writes_the_infrastructure_then_the_business_response()
    {
        var outDir = Path.Combine(_folder, "out");

        var run = CliRun.Of("respond", Build(), "--responder-ods", "A81001", "-m", "GPBOX01", "-b", "30002", "-o", outDir);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["01-20013.xml", "02-30002.xml"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        var validate = CliRun.Of("validate", Path.Combine(outDir, "02-30002.xml"));
        Assert.Equal(0, validate.ExitCode);
    }

    [Fact]
    public void Respond_refuses_an_infrastructure_code_as_business_outcome()
    {
        var run = CliRun.Of("respond", Build(), "--responder-ods", "A81001", "-m", "GPBOX01", "-b", "20013", "-o", _folder);
        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("20006", 0)]
    [InlineData("10006", 0)]
    [InlineData("all", 0)]
    [InlineData("99999", 2)]
    public void Explain_knows_every_code_and_rejects_others(string code, int exitCode)
    {
        var run = CliRun.Of("explain", code);
        Assert.Equal(exitCode, run.ExitCode);
    }

    [Fact]
    public void Build_rejects_an_unknown_event()
    {
        var run = CliRun.Of("build", RepositoryPaths.Fixture("discharge-summary-document.xml"), "-e", "ITK999X", "-d", Definition, "--sender-ods", "RX1", "-m", "BOX");
        Assert.Equal(2, run.ExitCode);
    }
}
