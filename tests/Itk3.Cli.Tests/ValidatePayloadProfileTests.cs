using Itk3.Testing;

namespace Itk3.Cli.Tests;

/// <summary><c>itk3 validate --profile receiver.json</c> with a flow naming payload profiles from a package folder beside the profile file.</summary>
public sealed class ValidatePayloadProfileTests : IDisposable
{
    private const string Definition = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4";
    private const string DocumentProfile = "https://example.org/fhir/StructureDefinition/Test-Any-Document";
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-cli-payload-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_message_whose_payload_meets_the_flows_profile_is_accepted()
    {
        var run = CliRun.Of("validate", "--profile", ReceiverProfile(DocumentProfile), Message());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("20013", run.Output);
    }

    [Fact]
    public void A_message_whose_payload_misses_the_flows_profile_is_refused_with_20009()
    {
        var run = CliRun.Of("validate", "--profile", ReceiverProfile("https://example.org/fhir/StructureDefinition/Test-Letter-Bundle"), Message());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("20009", run.Output);
        Assert.Contains("Test-Letter-Bundle", run.Output);
    }

    [Fact]
    public void A_receiver_profile_naming_a_missing_package_folder_is_a_configuration_error()
    {
        var profile = Path.Combine(_folder, "broken.json");
        File.WriteAllText(profile, """{ "version": 2, "profilePackages": ["no-such-folder"], "flows": [ { "event": "ITK003D" } ] }""");

        var run = CliRun.Of("validate", "--profile", profile, Message());

        Assert.Equal(2, run.ExitCode);
    }

    private string Message()
    {
        var output = Path.Combine(_folder, "message.xml");
        var run = CliRun.Of("build", RepositoryPaths.Fixture("discharge-summary-document.xml"), "-e", "ITK003D", "-d", Definition, "--sender-ods", "RX1", "-m", "RX1OT001", "-o", output);
        Assert.Equal(0, run.ExitCode);
        return output;
    }

    private string ReceiverProfile(string payloadProfile)
    {
        var package = Directory.CreateDirectory(Path.Combine(_folder, "package")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Fixture("profiles/package")))
        {
            File.Copy(file, Path.Combine(package, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(package, "StructureDefinition-Test-Any-Document.json"), $$"""
            { "resourceType": "StructureDefinition", "url": "{{DocumentProfile}}", "name": "TestAnyDocument", "status": "draft",
              "kind": "resource", "abstract": false, "type": "Bundle", "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Bundle",
              "derivation": "constraint", "snapshot": { "element": [
                { "id": "Bundle", "path": "Bundle", "min": 0, "max": "*" },
                { "id": "Bundle.type", "path": "Bundle.type", "min": 1, "max": "1", "type": [ { "code": "code" } ], "fixedCode": "document" } ] } }
            """);
        var profile = Path.Combine(_folder, "receiver.json");
        File.WriteAllText(profile, $$"""
            { "version": 2, "profilePackages": ["package"],
              "flows": [ { "event": "ITK003D", "payloadProfiles": ["{{payloadProfile}}"] } ] }
            """);
        return profile;
    }
}
