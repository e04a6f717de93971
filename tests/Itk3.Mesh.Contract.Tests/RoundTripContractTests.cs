using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

public sealed class RoundTripContractTests : IAsyncLifetime
{
    private MeshEnvironment _mesh = null!;

    public async Task InitializeAsync() => _mesh = await MeshEnvironment.StartAsync();

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private static MeshSendRequest Bundle => new(Receiver, Workflow)
    {
        ContentType = "application/fhir+json", FileName = "bundle.json", LocalId = "local-123", Subject = "itk3 test",
        ContentChecksum = "md5:0123abcd",
    };

    [Fact]
    public async Task Handshake_validates_each_configured_mailbox()
    {
        await _mesh.Client(Sender).HandshakeAsync();
        await _mesh.Client(Receiver).HandshakeAsync();
    }

    [Fact]
    public async Task A_message_is_sent_listed_downloaded_with_its_metadata_and_acknowledged()
    {
        var sender = _mesh.Client(Sender);
        var receiver = _mesh.Client(Receiver);
        const string body = """{"resourceType":"Bundle","type":"message","entry":[]}""";

        var sent = await sender.SendAsync(Bundle, Bytes.Stream(body));
        var page = await receiver.ListInboxAsync();
        await using var download = await receiver.DownloadAsync(sent.MessageId);
        var received = await Bytes.ReadAllAsync(download);
        var beforeAck = await sender.TrackAsync(sent.MessageId);
        await receiver.AcknowledgeAsync(sent.MessageId);

        Assert.Equal([sent.MessageId], page.MessageIds);
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(received));
        var m = download.Metadata;
        Assert.Equal((MeshMessageType.Data, Sender, Receiver, Workflow), (m.MessageType, m.From, m.To, m.WorkflowId));
        Assert.Equal(("local-123", "bundle.json", "itk3 test", "md5:0123abcd"), (m.LocalId, m.FileName, m.Subject, m.ContentChecksum));
        Assert.Equal(("application/fhir+json", "00", true, 1), (m.ContentType, m.StatusCode, m.StatusSuccess, m.TotalChunks));
        Assert.Equal("accepted", beforeAck.Status);
        Assert.Equal("acknowledged", (await sender.TrackAsync(sent.MessageId)).Status);
        Assert.Empty((await receiver.ListInboxAsync()).MessageIds);
    }

    [Fact]
    public async Task Acknowledging_twice_is_harmless()
    {
        var sent = await _mesh.Client(Sender).SendAsync(Bundle, Bytes.Stream("{}"));
        var receiver = _mesh.Client(Receiver);

        await receiver.AcknowledgeAsync(sent.MessageId);
        await receiver.AcknowledgeAsync(sent.MessageId);

        Assert.Equal("acknowledged", (await _mesh.Client(Sender).TrackAsync(sent.MessageId)).Status);
    }

    [Fact]
    public async Task Head_returns_the_same_metadata_as_a_download()
    {
        var sent = await _mesh.Client(Sender).SendAsync(Bundle, Bytes.Stream("{}"));
        var receiver = _mesh.Client(_mesh.Options(Receiver) with { AcceptGzip = false });

        var head = await receiver.GetMetadataAsync(sent.MessageId);
        await using var download = await receiver.DownloadAsync(sent.MessageId);

        Assert.Equal(download.Metadata.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase), head.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal((download.Metadata.MessageId, download.Metadata.LocalId), (head.MessageId, head.LocalId));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Chunked_messages_arrive_intact_with_or_without_gzip_either_way(bool compress, bool acceptGzip)
    {
        var payload = Bytes.Pattern(25_000, seed: 5);
        var sender = _mesh.Client(Sender, chunkSize: 10_000);
        var receiver = _mesh.Client(_mesh.Options(Receiver) with { AcceptGzip = acceptGzip });

        var sent = await sender.SendAsync(Bundle with { Compress = compress }, new MemoryStream(payload));
        await using var download = await receiver.DownloadAsync(sent.MessageId);

        Assert.Equal(3, sent.ChunkCount);
        Assert.Equal(3, download.Metadata.TotalChunks);
        Assert.Equal("application/fhir+json", download.Metadata.ContentType);
        Assert.Equal(payload, await Bytes.ReadAllAsync(download));
    }

    [Fact]
    public async Task Paging_follows_next_links_until_every_message_is_listed_oldest_first()
    {
        var sender = _mesh.Client(Sender);
        var sent = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            sent.Add((await sender.SendAsync(Bundle, Bytes.Stream($"{{\"n\":{i}}}"))).MessageId);
            _mesh.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var receiver = _mesh.Client(Receiver);
        var first = await receiver.ListInboxAsync(new InboxQuery(MaxResults: 10));
        var all = new List<string>();
        await foreach (var id in receiver.EnumerateInboxAsync(new InboxQuery(MaxResults: 10)))
        {
            all.Add(id);
        }

        Assert.Equal(10, first.MessageIds.Count);
        Assert.True(first.HasMore);
        Assert.Equal(23, first.ApproxInboxCount);
        Assert.Equal(sent, all);
    }

    [Fact]
    public async Task Workflow_filters_select_by_equality_negation_prefix_and_contains()
    {
        var sender = _mesh.Client(Sender);
        var plain = (await sender.SendAsync(Bundle, Bytes.Stream("{}"))).MessageId;
        var broadcast = (await sender.SendAsync(Bundle with { WorkflowId = Broadcast }, Bytes.Stream("{}"))).MessageId;
        var receiver = _mesh.Client(Receiver);

        async Task<IReadOnlyList<string>> ListAsync(string filter) =>
            (await receiver.ListInboxAsync(new InboxQuery(WorkflowFilter: filter))).MessageIds;

        Assert.Equal([plain], await ListAsync(Workflow));
        Assert.Equal([broadcast], await ListAsync("!" + Workflow));
        Assert.Equal([plain, broadcast], await ListAsync("TEST_*"));
        Assert.Equal([broadcast], await ListAsync("*FLOW2*"));
        Assert.Empty(await ListAsync("!*TEST*"));
    }

    [Fact]
    public async Task Endpoint_lookup_and_workflow_search_name_the_registered_mailboxes()
    {
        var client = _mesh.Client(Sender);

        var lookup = await client.LookupEndpointAsync("X26", Workflow);
        var search = await client.SearchWorkflowAsync(AckWorkflow);
        var none = await client.LookupEndpointAsync("X99", Workflow);

        Assert.Equal([new MeshMailbox(Receiver, "TESTMB2")], lookup.Results);
        Assert.Equal([Sender, Other], search.Results.Select(r => r.MailboxId).Order());
        Assert.False(none.Found);
    }

    [Fact]
    public async Task An_injected_report_is_downloaded_as_a_report_with_its_linked_message_and_code()
    {
        var id = await _mesh.Server.Admin.InjectReportAsync(new Server.MeshReportRequest
        {
            MailboxId = Sender, WorkflowId = Workflow, LinkedMessageId = "C308D1F5D9C34FD99426F0F224560F23",
            Code = "EPL-153", Event = "SEND", Description = "NHS number not found", LocalId = "local-9",
        });
        var client = _mesh.Client(Sender);

        Assert.Contains(id, (await client.ListInboxAsync()).MessageIds);
        await using var download = await client.DownloadAsync(id);
        var report = download.Metadata.Report;

        Assert.NotNull(report);
        Assert.Equal(("C308D1F5D9C34FD99426F0F224560F23", "EPL-153", "SEND", false, "local-9"),
            (report.LinkedMessageId, report.StatusCode, report.StatusEvent, report.IsSuccess, report.LocalId));
        Assert.Empty(await Bytes.ReadAllAsync(download));
        await client.AcknowledgeAsync(id);
        Assert.Empty((await client.ListInboxAsync()).MessageIds);
    }

    [Fact]
    public async Task A_message_left_uncollected_for_five_days_comes_back_to_the_sender_as_report_14()
    {
        var sent = await _mesh.Client(Sender).SendAsync(Bundle, Bytes.Stream("{}"));

        _mesh.Time.Advance(TimeSpan.FromDays(5.1));
        await _mesh.Server.RunExpiryAsync();

        var sender = _mesh.Client(Sender);
        var reportId = Assert.Single((await sender.ListInboxAsync()).MessageIds);
        var report = (await sender.GetMetadataAsync(reportId)).Report;
        Assert.NotNull(report);
        Assert.Equal((sent.MessageId, "14"), (report.LinkedMessageId, report.StatusCode));
        Assert.Empty((await _mesh.Client(Receiver).ListInboxAsync()).MessageIds);
    }
}
