using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.Tests;

public sealed class GatewayOptionsLoaderTests
{
    [Fact]
    public void Empty_object_gives_a_working_default_node()
    {
        var options = GatewayOptionsLoader.Parse("{}");

        Assert.True(options.Mesh.IsEmbedded);
        Assert.Equal("pull", options.Delivery.Mode);
        Assert.Equal("TOC_FHIR_IP_DISCH", Assert.Single(options.EffectiveFlows).WorkflowId);
    }

    [Theory]
    [InlineData("""{"mailbox": ""}""", "$.mailbox")]
    [InlineData("""{"mesh": {"url": "not a url"}}""", "$.mesh.url")]
    [InlineData("""{"mesh": {"pageSize": 5}}""", "$.mesh.pageSize")]
    [InlineData("""{"flows": [{"workflowId": "A"}, {"workflowId": ""}]}""", "$.flows[1].workflowId")]
    [InlineData("""{"flows": [{"workflowId": "A", "businessTimeout": "-00:00:01"}]}""", "$.flows[0].businessTimeout")]
    [InlineData("""{"delivery": {"mode": "email"}}""", "$.delivery.mode")]
    [InlineData("""{"delivery": {"mode": "callback"}}""", "$.delivery.callbackUrl")]
    [InlineData("""{"delivery": {"mode": "callback", "callbackUrl": "http://127.0.0.1:8080/in"}}""", "$.delivery.callbackSecret")]
    [InlineData("""{"delivery": {"mode": "callback", "callbackUrl": "http://127.0.0.1:8080/in", "callbackSecret": "too-short"}}""", "$.delivery.callbackSecret")]
    [InlineData("""{"delivery": {"mode": "callback", "callbackUrl": "http://127.0.0.1:8080/in", "callbackSecret": "0123456789abcdef0123456789abcdef", "callbackTimeout": "00:00:00"}}""", "$.delivery.callbackTimeout")]
    [InlineData("""{"mailbx": "X"}""", "$.mailbx")]
    [InlineData("""{"mesh": {"pollInterval": "soon"}}""", "$.mesh.pollInterval")]
    [InlineData("""{"mesh": {"sendProfiles": [{"recipient": "A"}, {"recipient": "B", "chunkSize": 0}]}}""", "$.mesh.sendProfiles[1].chunkSize")]
    public void Bad_configuration_names_the_field_at_fault(string json, string field)
    {
        var error = Assert.Throws<GatewayConfigException>(() => GatewayOptionsLoader.Parse(json));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Send_profiles_are_read_per_recipient_and_workflow()
    {
        var options = GatewayOptionsLoader.Parse("""
            {"mesh": {"sendProfiles": [
              {"recipient": "X26ABC2", "compress": false, "chunk": false},
              {"workflowId": "TOC_FHIR_IP_DISCH", "compress": true, "chunkSize": 5242880}]}}
            """);

        Assert.Equal(
            [new Itk3.Mesh.Models.MeshSendProfile { Recipient = "X26ABC2", Compress = false, Chunk = false },
             new Itk3.Mesh.Models.MeshSendProfile { WorkflowId = "TOC_FHIR_IP_DISCH", Compress = true, ChunkSize = 5242880 }],
            options.Mesh.SendProfiles);
    }

    [Fact]
    public void Sample_node_configuration_loads()
    {
        var path = Path.Combine(FindRepository(), "samples", "gateway", "node.json");

        var options = GatewayOptionsLoader.Load(path);

        Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "itk3-data")), options.DataDirectory);
        Assert.NotEmpty(options.Flows);
    }

    private static string FindRepository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Itk3.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
