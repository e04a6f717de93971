using System.Net;
using Itk3.Mesh.Authentication;
using Itk3.Mesh.Tests.Fakes;

namespace Itk3.Mesh.Tests.Authentication;

public sealed class MeshAuthenticationHandlerTests
{
    [Fact]
    public async Task Signs_every_request_with_a_fresh_token_for_the_upper_case_mailbox()
    {
        var fake = new FakeMeshHandler { Fallback = _ => FakeMeshHandler.Json(HttpStatusCode.OK, null) };
        using var client = TestClients.Create(fake);

        await client.HandshakeAsync();
        await client.AcknowledgeAsync("M1");

        var tokens = fake.Requests.Select(r => r.Single("Authorization")).ToList();
        Assert.All(tokens, t => Assert.StartsWith("NHSMESH X26ABC1:", t));
        Assert.Equal(2, tokens.Distinct().Count());
        var expected = MeshToken.Create("X26ABC1", "password", "TestKey", "00000000-0000-0000-0000-000000000001", 0, TestClients.Now).ToString();
        Assert.Equal(expected, tokens[0]);
        Assert.StartsWith("/messageexchange/X26ABC1", fake.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task Sends_no_token_to_endpoint_lookup_and_workflow_search()
    {
        var fake = new FakeMeshHandler { Fallback = _ => FakeMeshHandler.Json(HttpStatusCode.OK, """{"results":[]}""") };
        using var client = TestClients.Create(fake);

        await client.LookupEndpointAsync("X26", "TEST_WORKFLOW");
        await client.SearchWorkflowAsync("TEST_WORKFLOW");

        Assert.All(fake.Requests, r => Assert.Empty(r.Values("Authorization")));
    }
}
