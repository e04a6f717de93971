using System.Net;
using System.Text;
using System.Text.Json;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;
using Itk3.Mesh.Server;
using Itk3.Testing;

namespace Itk3.Gateway.Api.Tests;

/// <summary>
/// Submit-side profile validation (issue 14) on a real node and Kestrel: the discharge flow validates against the test
/// letter profiles (tests/fixtures/profiles), the outpatient flow does not validate.
/// </summary>
public sealed class SubmitValidationTests(SubmitValidationTests.ValidatingNode node) : IClassFixture<SubmitValidationTests.ValidatingNode>
{
    private const string LetterBundle = "https://example.org/fhir/StructureDefinition/Test-Letter-Bundle";
    private const string LetterComposition = "https://example.org/fhir/StructureDefinition/Test-Letter-Composition";
    private const string Validating = "TOC_FHIR_IP_DISCH";
    private const string NotValidating = "TOC_FHIR_OP_ATTEN";

    [Fact]
    public async Task A_payload_that_meets_the_flows_profiles_is_accepted_and_queued()
    {
        var view = await Json.ReadAsync(await Json.SubmitAsync(node.Api.Client, Letter(), flow: Validating), HttpStatusCode.Accepted);

        var id = view.GetProperty("transaction").GetProperty("id").GetString()!;
        Assert.Equal(Validating, (await Json.GetAsync(node.Api.Client, $"api/v1/transactions/{id}")).GetProperty("transaction").GetProperty("flow").GetString());
        if (view.TryGetProperty("issues", out var issues))
        {
            Assert.DoesNotContain(issues.EnumerateArray(), i => i.GetProperty("severity").GetString() is "error" or "fatal");
        }
    }

    [Fact]
    public async Task A_payload_breaking_a_profile_rule_is_refused_422_with_the_issue_located_and_no_transaction()
    {
        var before = await TotalAsync();
        var letter = Letter("\"status\": \"final\"", "\"status\": \"amended\"");

        var problem = await Json.ProblemAsync(await Json.SubmitAsync(node.Api.Client, letter, flow: Validating, transactionId: "refused-422"), HttpStatusCode.UnprocessableEntity, "payload-profile-invalid");

        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "binding-required");
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal("Bundle.entry[0].resource.status", issue.GetProperty("location").GetString());
        Assert.Equal(LineOf(letter, "\"amended\""), issue.GetProperty("line").GetInt32());
        Assert.True(issue.GetProperty("column").GetInt32() > 0);
        Assert.Equal(LetterComposition, issue.GetProperty("profile").GetString());
        Assert.Equal("Composition.status", issue.GetProperty("elementId").GetString());
        Assert.Equal(before, await TotalAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await node.Api.Client.GetAsync("api/v1/transactions/refused-422")).StatusCode);
    }

    [Fact]
    public async Task A_warning_does_not_refuse_and_is_returned_with_the_accepted_transaction()
    {
        var letter = Letter("\"code\": \"outpatient\"", "\"code\": \"home\"");

        var view = await Json.ReadAsync(await Json.SubmitAsync(node.Api.Client, letter, flow: Validating), HttpStatusCode.Accepted);

        var warning = Assert.Single(view.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "binding-extensible");
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal("Composition.class", warning.GetProperty("elementId").GetString());
        Assert.Equal(LineOf(letter, "\"home\""), warning.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_flow_without_validate_accepts_the_payload_the_validating_flow_refuses()
    {
        var letter = Letter("\"status\": \"final\"", "\"status\": \"amended\"");

        var view = await Json.ReadAsync(await Json.SubmitAsync(node.Api.Client, letter, flow: NotValidating), HttpStatusCode.Accepted);

        Assert.False(view.TryGetProperty("issues", out _));
        await Json.ProblemAsync(await Json.SubmitAsync(node.Api.Client, letter, flow: Validating), HttpStatusCode.UnprocessableEntity, "payload-profile-invalid");
    }

    private static byte[] Letter(string? find = null, string? replace = null)
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture("profiles/letter-bundle.json"));
        if (find is not null)
        {
            Assert.Contains(find, text);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static int LineOf(byte[] payload, string text) =>
        Array.FindIndex(Encoding.UTF8.GetString(payload).Split('\n'), line => line.Contains(text, StringComparison.Ordinal)) + 1;

    private async Task<int> TotalAsync() =>
        (await Json.GetAsync(node.Api.Client, "api/v1/transactions?pageSize=1")).GetProperty("total").GetInt32();

    /// <summary>One node whose discharge flow validates against the test letter profiles, on an embedded MESH server.</summary>
    public sealed class ValidatingNode : IAsyncLifetime
    {
        private readonly TempFolder _temp = new();
        private MeshServer? _mesh;

        internal ApiNode Api { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), (TwoNodes.GpMailbox, TwoNodes.GpOds)], _temp.Sub("mesh"));
            var options = NodeFactory.Options("X26HOS01", "RXX01", _temp.Sub("h")) with
            {
                ProfilePackages = [RepositoryPaths.Fixture("profiles/package")],
                Flows =
                [
                    new FlowSettings { WorkflowId = Validating, Validate = new SubmitValidationSettings { Profiles = [LetterBundle] } },
                    new FlowSettings { WorkflowId = NotValidating },
                ],
            };
            Api = await ApiNode.StartAsync(options, _mesh.BaseAddress, 7);
        }

        public async Task DisposeAsync()
        {
            await Api.DisposeAsync();
            if (_mesh is not null)
            {
                await _mesh.DisposeAsync();
            }

            _temp.Dispose();
        }
    }
}
