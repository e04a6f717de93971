using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Outbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Itk3.Gateway.Tests.Support;
using Itk3.Mesh.Server;
using Itk3.Testing;

namespace Itk3.Gateway.Tests;

/// <summary>A flow's <c>validate</c> option and the node's <c>profilePackages</c> are checked when the configuration is read and when the node starts, each error with its configuration path.</summary>
public sealed class SubmitValidationConfigurationTests
{
    private const string LetterBundle = "https://example.org/fhir/StructureDefinition/Test-Letter-Bundle";

    private static string Package => RepositoryPaths.Fixture("profiles/package");

    [Theory]
    [InlineData("""{"flows": [{"workflowId": "TOC_FHIR_IP_DISCH", "validate": {"profiles": ["https://example.org/p"]}}]}""", "$.flows[0].validate")]
    [InlineData("""{"profilePackages": ["p"], "flows": [{"workflowId": "TOC_FHIR_IP_DISCH", "validate": {"metaProfile": false}}]}""", "$.flows[0].validate")]
    [InlineData("""{"profilePackages": ["p"], "flows": [{"workflowId": "TOC_FHIR_IP_DISCH", "validate": {"profiles": ["Test-Letter-Bundle"]}}]}""", "$.flows[0].validate.profiles[0]")]
    [InlineData("""{"profilePackages": [""]}""", "$.profilePackages[0]")]
    [InlineData("""{"flows": [{"workflowId": "TOC_FHIR_IP_DISCH", "validate": {"profile": ["https://example.org/p"]}}]}""", "$.flows[0].validate.profile")]
    public void Bad_validate_settings_name_the_field_at_fault(string json, string field)
    {
        var error = Assert.Throws<GatewayConfigException>(() => GatewayOptionsLoader.Parse(json));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Profile_packages_are_relative_to_the_configuration_file()
    {
        using var temp = new TempFolder();
        var file = temp.Sub("node.json");
        File.WriteAllText(file, """{"profilePackages": ["stu3/StructureDefinitions"]}""");

        var options = GatewayOptionsLoader.Load(file);

        Assert.Equal(Path.Combine(temp.Path, "stu3", "StructureDefinitions"), Assert.Single(options.ProfilePackages));
    }

    [Fact]
    public async Task A_profile_not_in_the_packages_stops_the_node_at_start_with_its_path()
    {
        var error = await StartFailsAsync([Package], LetterBundle, "https://example.org/fhir/StructureDefinition/Not-Loaded");

        var unknown = Assert.Single(error.Errors);
        Assert.Equal("$.flows[0].validate.profiles[1]", unknown.Field);
        Assert.Contains("Not-Loaded", unknown.Message);
    }

    [Fact]
    public async Task A_missing_or_unreadable_package_stops_the_node_at_start_with_its_path()
    {
        using var temp = new TempFolder();
        var unreadable = temp.Sub("unreadable");
        Directory.CreateDirectory(unreadable);
        await File.WriteAllTextAsync(Path.Combine(unreadable, "broken.json"), "{ not json");

        var error = await StartFailsAsync([Package, temp.Sub("missing"), unreadable], LetterBundle);

        Assert.Equal(["$.profilePackages[1]", "$.profilePackages[2]"], error.Errors.Select(e => e.Field));
        Assert.Contains("broken.json", error.Errors[1].Message);
    }

    [Fact]
    public async Task The_drop_folder_refuses_a_payload_breaking_a_profile_with_the_located_issues_and_sends_the_valid_one()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var host = await NodeFactory.StartAsync(Options(temp, [Package], LetterBundle), mesh.BaseAddress, 1);
        var drop = temp.Sub("drop");
        Directory.CreateDirectory(drop);
        var letter = await File.ReadAllTextAsync(RepositoryPaths.Fixture("profiles/letter-bundle.json"));
        await File.WriteAllTextAsync(Path.Combine(drop, "bad.payload.json"), letter.Replace("\"status\": \"final\"", "\"status\": \"amended\"", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(drop, "good.payload.json"), letter);
        await File.WriteAllTextAsync(Path.Combine(drop, "bad.submit.json"), """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"bad.payload.json"}""");
        await File.WriteAllTextAsync(Path.Combine(drop, "good.submit.json"), """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"good.payload.json"}""");
        var watcher = new DropFolderWatcher(drop, host.Application, TimeProvider.System, TimeSpan.FromSeconds(1));

        Assert.Equal(2, await watcher.ScanOnceAsync(CancellationToken.None));

        var reason = await File.ReadAllTextAsync(Path.Combine(drop, "failed", "bad.submit.json.error.txt"));
        Assert.StartsWith("payload-profile-invalid", reason, StringComparison.Ordinal);
        Assert.Contains("Bundle.entry[0].resource.status", reason, StringComparison.Ordinal);
        Assert.Contains("binding-required", reason, StringComparison.Ordinal);
        Assert.Contains("Test-Letter-Composition#Composition.status", reason, StringComparison.Ordinal);
        var transactions = await host.Queries.ListTransactionsAsync(new ListFilter<TransactionState>(), CancellationToken.None);
        Assert.Equal("drop-good", Assert.Single(transactions.Items).Id);
    }

    private static GatewayOptions Options(TempFolder temp, IReadOnlyList<string> packages, params string[] profiles) =>
        NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("node")) with
        {
            ProfilePackages = packages,
            Flows = [new FlowSettings { WorkflowId = "TOC_FHIR_IP_DISCH", Validate = new SubmitValidationSettings { Profiles = profiles } }],
        };

    private static async Task<GatewayConfigException> StartFailsAsync(IReadOnlyList<string> packages, params string[] profiles)
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01")], temp.Sub("mesh"));
        return await Assert.ThrowsAsync<GatewayConfigException>(() => NodeFactory.StartAsync(Options(temp, packages, profiles), mesh.BaseAddress, 1));
    }
}
