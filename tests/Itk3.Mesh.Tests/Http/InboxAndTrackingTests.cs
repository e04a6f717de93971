using System.Net;
using Itk3.Mesh.Models;
using Itk3.Mesh.Tests.Fakes;

namespace Itk3.Mesh.Tests.Http;

public sealed class InboxAndTrackingTests
{
    [Fact]
    public async Task Lists_a_page_with_its_next_link_and_approximate_count()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.OK,
            """{"messages":["A","B"],"links":{"self":"/x","next":"/messageexchange/X26ABC1/inbox?max_results=10&continue_from=abc%3D%3D"},"approx_inbox_count":13}""");
        using var client = TestClients.Create(fake);

        var page = await client.ListInboxAsync(new InboxQuery(10, "!*_ACK*"));

        Assert.Equal(["A", "B"], page.MessageIds);
        Assert.True(page.HasMore);
        Assert.Equal(13, page.ApproxInboxCount);
        Assert.Equal("/messageexchange/X26ABC1/inbox?max_results=10&workflow_filter=%21%2A_ACK%2A", fake.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task Follows_the_next_link_under_the_base_url_unchanged()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.OK, """{"messages":["C"],"links":{"self":"/x"},"approx_inbox_count":3}""");
        using var client = TestClients.Create(fake);

        var page = await client.ListInboxNextAsync("/messageexchange/X26ABC1/inbox?max_results=10&continue_from=abc%3D%3D");

        Assert.Equal("/messageexchange/X26ABC1/inbox?max_results=10&continue_from=abc%3D%3D", fake.Requests[0].PathAndQuery);
        Assert.False(page.HasMore);
    }

    [Theory]
    [InlineData("https://elsewhere.example/messageexchange/X26ABC1/inbox?x=1")]
    [InlineData("/messageexchange/X26ABC2/inbox?x=1")]
    [InlineData("/messageexchange/X26ABC1/outbox/tracking")]
    public async Task Refuses_a_next_link_outside_this_inbox_so_no_token_leaks(string link)
    {
        var fake = new FakeMeshHandler();
        using var client = TestClients.Create(fake);

        await Assert.ThrowsAsync<ArgumentException>(() => client.ListInboxNextAsync(link));
        Assert.Empty(fake.Requests);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(5001)]
    public async Task Refuses_page_sizes_the_api_rejects(int size)
    {
        using var client = TestClients.Create(new FakeMeshHandler());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListInboxAsync(new InboxQuery(size)));
    }

    [Fact]
    public async Task Reads_v2_tracking_with_iso_timestamps()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.OK,
            """{"message_id":"C308","local_id":"local-123","workflow_id":"TEST_WORKFLOW","filename":"bundle.json","expiry_time":"2026-11-26T05:24:26.434157","upload_timestamp":"2026-11-21T05:24:26.434215","recipient":"X26ABC2","recipient_name":"TESTMB2","recipient_ods_code":"X26","status_success":true,"status":"acknowledged"}""");
        using var client = TestClients.Create(fake);

        var tracking = await client.TrackAsync("C308");

        Assert.Equal("/messageexchange/X26ABC1/outbox/tracking?messageID=C308", fake.Requests[0].PathAndQuery);
        Assert.Equal(("acknowledged", true, "X26ABC2", "local-123"), (tracking.Status, tracking.StatusSuccess, tracking.Recipient, tracking.LocalId));
        Assert.Equal("20261126052426", tracking.ExpiryTime!.Value.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reads_v1_tracking_with_compact_timestamps()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.OK,
            """{"messageId":"C308","status":"Acknowledged","statusSuccess":"SUCCESS","expiryTime":"20261126052426","localId":"l"}""");
        using var client = TestClients.Create(fake);

        var tracking = await client.TrackAsync("C308");

        Assert.Equal(("acknowledged", true, "l"), (tracking.Status, tracking.StatusSuccess, tracking.LocalId));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 5, 24, 26, TimeSpan.Zero), tracking.ExpiryTime);
    }

    [Fact]
    public async Task Reads_lookup_results_in_the_v2_and_v1_shapes()
    {
        var fake = new FakeMeshHandler()
            .Then(HttpStatusCode.OK, """{"results":[{"mailbox_id":"X26ABC2","mailbox_name":"TESTMB2"}]}""")
            .Then(HttpStatusCode.OK, """{"query_id":"q","results":[{"address":"X26ABC3","description":"TESTMB3","endpoint_type":"MESH"}]}""");
        using var client = TestClients.Create(fake);

        var v2 = await client.LookupEndpointAsync("X26", "TEST_WORKFLOW");
        var v1 = await client.SearchWorkflowAsync("TEST_WORKFLOW");

        Assert.Equal([new MeshMailbox("X26ABC2", "TESTMB2")], v2.Results);
        Assert.Equal([new MeshMailbox("X26ABC3", "TESTMB3")], v1.Results);
        Assert.Equal("/messageexchange/endpointlookup/X26/TEST_WORKFLOW", fake.Requests[0].PathAndQuery);
        Assert.Equal("/messageexchange/workflowsearch/TEST_WORKFLOW", fake.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Sends_the_handshake_identity_headers()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.OK);
        using var client = TestClients.Create(fake);

        await client.HandshakeAsync();

        var request = fake.Requests[0];
        Assert.Equal("/messageexchange/X26ABC1", request.PathAndQuery);
        Assert.All(new[] { "mex-ClientVersion", "mex-OSName", "mex-OSVersion", "mex-OSArchitecture", "mex-JavaVersion" },
            name => Assert.NotNull(request.Single(name)));
        Assert.StartsWith("Itk3.Mesh==", request.Single("mex-ClientVersion"));
    }

    [Fact]
    public async Task Enumerates_every_page_until_there_is_no_next_link()
    {
        var fake = new FakeMeshHandler()
            .Then(HttpStatusCode.OK, """{"messages":["A","B"],"links":{"next":"/messageexchange/X26ABC1/inbox?continue_from=1"}}""")
            .Then(HttpStatusCode.OK, """{"messages":[],"links":{"next":"/messageexchange/X26ABC1/inbox?continue_from=2"}}""")
            .Then(HttpStatusCode.OK, """{"messages":["C"],"links":{}}""");
        using var client = TestClients.Create(fake);

        var ids = new List<string>();
        await foreach (var id in client.EnumerateInboxAsync())
        {
            ids.Add(id);
        }

        Assert.Equal(["A", "B", "C"], ids);
        Assert.Equal(3, fake.Requests.Count);
    }
}
