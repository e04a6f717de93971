using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Server.Tests;

public sealed class ConfigurationTests
{
    private const string Valid = """
        {
          "sharedKey": "TestKey",
          "enforceWorkflowRegistration": false,
          "mailboxes": [
            { "id": "X26ABC1", "password": "pw", "odsCode": "X26", "name": "One" },
            { "id": "X26ABC2", "password": "pw", "odsCode": "X26", "name": "Two" }
          ],
          "workflows": [ { "id": "WF", "senders": ["X26ABC1"], "receivers": ["*"] } ],
          "gpProviders": [ { "nhsNumber": "9434765919", "dateOfBirth": "19670126", "surname": "Smith", "odsCode": "X26" } ],
          "limits": { "maxRequestBytes": 1000, "maxMessageBytes": 5000 }
        }
        """;

    [Fact]
    public void Parses_a_complete_config()
    {
        var config = MeshServerConfig.Parse(Valid);

        Assert.Equal("TestKey", config.SharedKey);
        Assert.False(config.EnforceWorkflowRegistration);
        Assert.Equal(["X26ABC1", "X26ABC2"], config.Mailboxes.Select(m => m.Id));
        Assert.Equal(["*"], config.Workflows[0].Receivers);
        Assert.Equal("Smith", config.GpProviders[0].Surname);
        Assert.Equal(1000, config.Limits.MaxRequestBytes);
        Assert.Equal(5, config.Limits.InboxExpiryDays);
    }

    [Theory]
    [InlineData("\"sharedKey\": \"TestKey\"", "\"sharedKey\": \"\"", "sharedKey")]
    [InlineData("\"password\": \"pw\", \"odsCode\": \"X26\", \"name\": \"Two\"", "\"password\": \"\", \"odsCode\": \"X26\", \"name\": \"Two\"", "mailboxes[1].password")]
    [InlineData("\"id\": \"X26ABC2\"", "\"id\": \"x26abc2\"", "mailboxes[1].id")]
    [InlineData("\"id\": \"X26ABC2\"", "\"id\": \"X26ABC1\"", "mailboxes[1].id")]
    [InlineData("\"senders\": [\"X26ABC1\"]", "\"senders\": [\"NOBODY\"]", "workflows[0].senders[0]")]
    [InlineData("\"nhsNumber\": \"9434765919\"", "\"nhsNumber\": \"94347\"", "gpProviders[0].nhsNumber")]
    [InlineData("\"maxMessageBytes\": 5000", "\"maxMessageBytes\": 10", "limits.maxMessageBytes")]
    [InlineData("\"enforceWorkflowRegistration\": false", "\"enforceWorkflowRegistration\": false, \"adminEndpoints\": true", "adminToken")]
    [InlineData("\"enforceWorkflowRegistration\": false", "\"enforceWorkflowRegistration\": false, \"adminEndpoints\": true, \"adminToken\": \"short\"", "adminToken")]
    [InlineData("\"maxMessageBytes\": 5000", "\"maxMessageBytes\": 5000, \"lookupPermitsPerMinute\": 0", "limits.lookupPermitsPerMinute")]
    public void Invalid_fields_are_named_in_the_error(string find, string replace, string field)
    {
        var json = Valid.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<MeshConfigException>(() => MeshServerConfig.Parse(json));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Unknown_members_and_wrong_types_are_reported_with_their_json_path()
    {
        var unknown = Assert.Throws<MeshConfigException>(() => MeshServerConfig.Parse(Valid.Replace("\"sharedKey\"", "\"sharedKye\"", StringComparison.Ordinal)));
        var wrongType = Assert.Throws<MeshConfigException>(() => MeshServerConfig.Parse(Valid.Replace("\"maxRequestBytes\": 1000", "\"maxRequestBytes\": \"big\"", StringComparison.Ordinal)));

        Assert.StartsWith("$", unknown.Field);
        Assert.Equal("$.limits.maxRequestBytes", wrongType.Field);
    }

    [Fact]
    public void Load_reports_a_missing_file_as_a_config_error()
    {
        var error = Assert.Throws<MeshConfigException>(() => MeshServerConfig.Load("/nonexistent/mesh.json"));

        Assert.Equal("$", error.Field);
    }

    [Fact]
    public void The_committed_sample_config_is_valid()
    {
        var path = Path.Combine(FindRepositoryRoot(), "samples", "mesh", "mesh-server.json");

        var config = MeshServerConfig.Load(path);

        Assert.NotEmpty(config.Mailboxes);
        Assert.NotEmpty(config.Workflows);
    }

    [Fact]
    public void The_committed_sample_config_lets_both_ends_of_every_flow_send_and_receive_on_its_ACK_workflow()
    {
        var config = MeshServerConfig.Load(Path.Combine(FindRepositoryRoot(), "samples", "mesh", "mesh-server.json"));

        var flows = config.Workflows.Where(w => config.FindWorkflow(w.Id + "_ACK") is not null).ToList();

        Assert.NotEmpty(flows);
        foreach (var flow in flows)
        {
            var ack = config.FindWorkflow(flow.Id + "_ACK")!;
            var ends = flow.Senders.Concat(flow.Receivers).ToList();
            Assert.All(ends, mailbox => Assert.Contains(mailbox, ack.Senders));
            Assert.All(ends, mailbox => Assert.Contains(mailbox, ack.Receivers));
        }
    }

    [Fact]
    public void Sandbox_defaults_are_valid_and_mirror_the_sandbox_lookup_data()
    {
        var config = MeshSandboxDefaults.Create();

        config.Validate();
        Assert.Equal(["X26ABC1", "X26ABC2", "X26ABC3"], config.Mailboxes.Select(m => m.Id));
        Assert.False(config.EnforceWorkflowRegistration);
        Assert.Equal(["X26ABC1", "X26ABC3"], config.FindWorkflow("TEST_WORKFLOW_ACK")!.Receivers);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Itk3.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
