using Itk3.Cli.Serving;
using Itk3.Gateway.Configuration;

namespace Itk3.Cli.Tests;

public sealed class ConfigCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-config-").FullName;

    [Fact]
    public void Environment_variables_override_the_file_and_set_overrides_both()
    {
        var file = Write("""{ "mailbox": "X26FILE1", "mesh": { "pageSize": 50 } }""");
        var environment = new Dictionary<string, string?> { ["ITK3__MAILBOX"] = "X26ENV01", ["ITK3__MESH__PAGESIZE"] = "60", ["OTHER"] = "ignored" };

        var options = NodeConfiguration.Read(file, ["mesh:pageSize=70"], environment);

        Assert.Equal("X26ENV01", options.Mailbox);
        Assert.Equal(70, options.Mesh.PageSize);
    }

    [Fact]
    public void Secrets_come_from_files_and_are_masked_in_the_effective_configuration()
    {
        File.WriteAllText(Path.Combine(_folder, "mesh-password"), "s3cret-from-file\n");
        var file = Write("""{ "mesh": { "url": "int", "passwordFile": "mesh-password", "sharedKey": "shared-s3cret" }, "apiKeys": ["plain-key", "sha256:1311f8fc80a7ea28d78dd7723f09c44c1754cd35160ca8e7133ae3d7f636a19a"] }""");

        var options = NodeConfiguration.Read(file, [], new Dictionary<string, string?>());
        var printed = Itk3.Cli.Commands.ConfigCommand.Masked(options);

        Assert.Equal("s3cret-from-file", options.Mesh.Password);
        Assert.Equal(MeshEnvironments.Integration, options.Mesh.ResolvedUrl);
        Assert.DoesNotContain("s3cret", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-key", printed, StringComparison.Ordinal);
        Assert.Contains("sha256:1311f8fc80a7ea28d78dd7723f09c44c1754cd35160ca8e7133ae3d7f636a19a", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Callback_secret_and_api_certificate_password_are_masked_and_certificate_paths_are_relative_to_the_file()
    {
        File.WriteAllText(Path.Combine(_folder, "api.pfx"), "not read by the check");
        var file = Write("""{ "delivery": { "mode": "callback", "callbackUrl": "http://127.0.0.1:9/in", "callbackSecret": "cb-s3cret-0123456789abcdef0123456789" }, "apiUrl": "https://127.0.0.1:5443", "apiCertificate": { "path": "api.pfx", "password": "pfx-s3cret" } }""");

        var options = NodeConfiguration.Read(file, [], new Dictionary<string, string?>());
        var printed = Itk3.Cli.Commands.ConfigCommand.Masked(options);

        Assert.Equal(Path.Combine(_folder, "api.pfx"), options.ApiCertificate!.Path);
        Assert.DoesNotContain("s3cret", printed, StringComparison.Ordinal);
        var missingKey = Write("""{ "apiUrl": "https://127.0.0.1:5443", "apiCertificate": { "path": "api.pfx", "keyPath": "absent.key" } }""");
        var error = Assert.Throws<GatewayConfigException>(() => NodeConfiguration.Read(missingKey, [], new Dictionary<string, string?>()));
        Assert.Equal(["$.apiCertificate.keyPath"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Every_error_is_listed_at_once_with_its_path_including_unknown_keys_from_the_environment()
    {
        var file = Write("""{ "mailbox": "", "mesh": { "url": "https://mesh.example", "pageSize": "many", "clientCertificate": { "path": "missing.pfx" } } }""");
        var environment = new Dictionary<string, string?> { ["ITK3__MESH__PASWORD"] = "typo" };

        var error = Assert.Throws<GatewayConfigException>(() => NodeConfiguration.Read(file, [], environment));

        Assert.Equal(["$.mesh.PASWORD", "$.mesh.pageSize"], error.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        var shaped = Write("""{ "mailbox": "", "mesh": { "url": "https://mesh.example", "pageSize": 5, "clientCertificate": { "path": "missing.pfx" } } }""");
        var second = Assert.Throws<GatewayConfigException>(() => NodeConfiguration.Read(shaped, [], new Dictionary<string, string?>()));
        Assert.Equal(["$.mailbox", "$.mesh.clientCertificate.path", "$.mesh.pageSize", "$.mesh.password", "$.mesh.sharedKey"], second.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Config_check_prints_the_effective_configuration_or_every_error()
    {
        var good = CliRun.Of("config", "check", "--config", Write("""{ "mailbox": "X26OK001" }""").FullName);
        var bad = CliRun.Of("config", "check", "--config", Write("""{ "mailbx": "X", "delivery": { "mode": "email" } }""").FullName);

        Assert.Equal(0, good.ExitCode);
        Assert.Contains("\"mailbox\": \"X26OK001\"", good.Output, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("$.mailbx", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_check_loads_the_profile_packages_and_reports_a_profile_they_do_not_hold()
    {
        var package = JsonPath(Itk3.Testing.RepositoryPaths.Fixture("profiles/package"));
        const string Flow = """{ "workflowId": "TOC_FHIR_IP_DISCH", "validate": { "profiles": ["https://example.org/fhir/StructureDefinition/{0}"] } }""";
        var good = CliRun.Of("config", "check", "--config", Write($$"""{ "profilePackages": [{{package}}], "flows": [{{Flow.Replace("{0}", "Test-Letter-Bundle", StringComparison.Ordinal)}}] }""").FullName);
        var bad = CliRun.Of("config", "check", "--config", Write($$"""{ "profilePackages": [{{package}}], "flows": [{{Flow.Replace("{0}", "Not-Loaded", StringComparison.Ordinal)}}] }""").FullName);

        Assert.Equal(0, good.ExitCode);
        Assert.Contains("Submit validation on TOC_FHIR_IP_DISCH: https://example.org/fhir/StructureDefinition/Test-Letter-Bundle", good.Output, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("$.flows[0].validate.profiles[0]: https://example.org/fhir/StructureDefinition/Not-Loaded cannot be used", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_check_reports_a_receiver_payload_profile_that_cannot_be_used_in_a_file_or_in_line()
    {
        var package = JsonPath(Itk3.Testing.RepositoryPaths.Fixture("profiles/package"));
        var receiver = Write($$"""{ "version": 2, "profilePackages": [{{package}}], "flows": [ { "event": "ITK003D", "payloadProfiles": ["https://example.org/fhir/StructureDefinition/Not-Loaded"] } ] }""");
        var usable = Write($$"""{ "version": 2, "profilePackages": [{{package}}], "flows": [ { "event": "ITK003D", "payloadProfiles": ["https://example.org/fhir/StructureDefinition/Test-Letter-Bundle"] } ] }""");

        var fromFile = CliRun.Of("config", "check", "--config", Write($$"""{ "receiverProfilePath": {{JsonPath(receiver.FullName)}} }""").FullName);
        var good = CliRun.Of("config", "check", "--config", Write($$"""{ "receiverProfilePath": {{JsonPath(usable.FullName)}} }""").FullName);
        var inline = CliRun.Of("config", "check", "--config", Write("""{ "receiverProfile": { "version": 2, "flows": [ { "event": "ITK003D", "payloadProfiles": ["https://example.org/fhir/StructureDefinition/Test-Letter-Bundle"] } ] } }""").FullName);

        Assert.Equal((2, 0, 2), (fromFile.ExitCode, good.ExitCode, inline.ExitCode));
        Assert.StartsWith("$.receiverProfilePath: flows[0].payloadProfiles[0]: https://example.org/fhir/StructureDefinition/Not-Loaded cannot be used", fromFile.Error, StringComparison.Ordinal);
        Assert.StartsWith("$.receiverProfile.flows[0].payloadProfiles[0]: ", inline.Error, StringComparison.Ordinal);
    }

    private static string JsonPath(string path) => System.Text.Json.JsonSerializer.Serialize(path);

    [Theory]
    [InlineData("1000")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("5000000000")]
    public void A_byte_budget_out_of_range_is_reported_with_its_path(string bytes)
    {
        var bad = CliRun.Of("config", "check", "--config", Write($$"""{ "maxBytesInFlight": {{bytes}} }""").FullName);

        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("$.maxBytesInFlight: ", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_byte_budget_is_listed_by_config_check_and_bound_from_the_file_the_environment_and_set()
    {
        var file = Write("""{ "maxBytesInFlight": 33554432 }""");

        var shown = CliRun.Of("config", "check", "--config", file.FullName);
        var fromFile = NodeConfiguration.Read(file, [], new Dictionary<string, string?>());
        var fromEnvironment = NodeConfiguration.Read(file, [], new Dictionary<string, string?> { ["ITK3__MAXBYTESINFLIGHT"] = "8388608" });
        var fromSet = NodeConfiguration.Read(file, ["maxBytesInFlight=2097152"], new Dictionary<string, string?>());
        var typo = Assert.Throws<GatewayConfigException>(() => NodeConfiguration.Read(file, ["maxBytesInFlight=16MB"], new Dictionary<string, string?>()));

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("\"maxBytesInFlight\": 33554432", shown.Output, StringComparison.Ordinal);
        Assert.Equal((33554432L, 8388608L, 2097152L), (fromFile.MaxBytesInFlight, fromEnvironment.MaxBytesInFlight, fromSet.MaxBytesInFlight));
        Assert.Equal(["$.maxBytesInFlight"], typo.Errors.Select(e => e.Field));
        Assert.Equal(GatewayOptions.DefaultMaxBytesInFlight, NodeConfiguration.Read(Write("{}"), [], new Dictionary<string, string?>()).MaxBytesInFlight);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private FileInfo Write(string json)
    {
        var path = Path.Combine(_folder, $"node-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return new FileInfo(path);
    }
}
