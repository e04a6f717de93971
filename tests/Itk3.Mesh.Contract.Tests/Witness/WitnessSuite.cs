using System.Net;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Contract.Tests.Witness;

/// <summary>
/// The MESH supplier tests witnessed by NHS England, by their public numbers (MESH.md §17), with the behaviour of real
/// MESH. Our client against our server by default; against any MESH when ITK3_MESH_WITNESS_URL is set.
/// </summary>
public sealed class WitnessSuite : IAsyncLifetime
{
    private WitnessTarget _target = null!;

    public async Task InitializeAsync() => _target = await WitnessTarget.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    private MeshSendRequest Request(string localId) => new(_target.ReceiverId, _target.Workflow)
    {
        ContentType = "application/fhir+json", FileName = localId + ".json", LocalId = localId, Subject = "itk3 witness",
    };

    [WitnessFact]
    public async Task W201_Handshake_validates_the_sending_and_the_receiving_mailbox()
    {
        await _target.Sender().HandshakeAsync();
        await _target.Receiver().HandshakeAsync();
    }

    [WitnessFact]
    public async Task W202_A_message_is_sent_then_downloaded_with_its_metadata_and_acknowledged()
    {
        const string body = """{"resourceType":"Bundle","type":"message","entry":[]}""";
        var sent = await _target.Sender().SendAsync(Request("w202"), Bytes.Stream(body));
        var receiver = _target.Receiver();

        await using (var download = await receiver.DownloadAsync(sent.MessageId))
        {
            Assert.Equal((_target.SenderId, "w202", "application/fhir+json"), (download.Metadata.From, download.Metadata.LocalId, download.Metadata.ContentType));
            Assert.Equal(body, System.Text.Encoding.UTF8.GetString(await Bytes.ReadAllAsync(download)));
        }

        await receiver.AcknowledgeAsync(sent.MessageId);
        Assert.Equal("acknowledged", (await _target.Sender().TrackAsync(sent.MessageId)).Status);
    }

    [WitnessFact]
    public async Task W401_A_compressed_message_arrives_decompressed_with_the_senders_flags()
    {
        var payload = Bytes.Pattern(64 * 1024, seed: 401);
        var request = Request("w401") with { Compress = true, ContentCompressed = false };
        var sent = await _target.Sender().SendAsync(request, new MemoryStream(payload));
        var receiver = _target.Receiver();

        await using (var download = await receiver.DownloadAsync(sent.MessageId))
        {
            Assert.Equal(payload, await Bytes.ReadAllAsync(download));
            Assert.False(download.Metadata.ContentCompressed);
        }

        await receiver.AcknowledgeAsync(sent.MessageId);
    }

    [WitnessFact]
    public async Task W501_A_chunked_message_is_received_206_chunk_by_chunk_with_its_checksum_passed_through()
    {
        var payload = Bytes.Pattern(2500, seed: 501);
        var request = Request("w501") with { ContentChecksum = "md5:0123abcd" };
        var sent = await _target.Sender(chunkSize: 1000).SendAsync(request, new MemoryStream(payload));
        using var raw = _target.RawReceiver();

        var received = new List<byte>();
        for (var n = 1; n <= 3; n++)
        {
            var path = $"/messageexchange/{_target.ReceiverId}/inbox/{sent.MessageId}" + (n == 1 ? "" : $"/{n}");
            using var message = new HttpRequestMessage(HttpMethod.Get, path);
            message.Headers.TryAddWithoutValidation("Accept", "application/vnd.mesh.v2+json");
            using var response = await raw.SendAsync(message);
            Assert.Equal(n < 3 ? HttpStatusCode.PartialContent : HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"{n}:3", response.Headers.GetValues("mex-chunk-range").Single());
            Assert.Equal("md5:0123abcd", response.Headers.GetValues("mex-content-checksum").Single());
            received.AddRange(await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(payload, received);
        await _target.Receiver().AcknowledgeAsync(sent.MessageId);
    }

    [WitnessFact]
    public async Task W502_A_chunked_message_is_sent_in_order_and_completes_with_its_last_chunk()
    {
        var payload = Bytes.Pattern(25_000, seed: 502);
        var sent = await _target.Sender(chunkSize: 10_000).SendAsync(Request("w502") with { Compress = true }, new MemoryStream(payload));
        var receiver = _target.Receiver();

        Assert.Equal(3, sent.ChunkCount);
        await using (var last = await receiver.DownloadChunkAsync(sent.MessageId, 3))
        {
            Assert.Equal((3, 3), (last.Metadata.ChunkNumber, last.Metadata.TotalChunks));
            Assert.Equal(payload[20_000..], await Bytes.ReadAllAsync(last));
        }

        Assert.Equal(payload, await Bytes.DownloadAllAsync(receiver, sent.MessageId));
        await receiver.AcknowledgeAsync(sent.MessageId);
    }

    [WitnessFact]
    public async Task W601_A_600_message_inbox_is_read_completely_by_following_the_pages()
    {
        var sender = _target.Sender();
        var sent = new string[600];
        await Parallel.ForAsync(0, sent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            sent[i] = (await sender.SendAsync(Request($"w601-{i}"), Bytes.Stream($"{{\"n\":{i}}}"), ct)).MessageId);
        var receiver = _target.Receiver();

        var first = await receiver.ListInboxAsync();
        var listed = new List<string>();
        await foreach (var id in receiver.EnumerateInboxAsync())
        {
            listed.Add(id);
        }

        Assert.NotNull(first.NextLink);
        Assert.True(first.MessageIds.Count <= 500);
        Assert.Empty(sent.Except(listed));
        await Parallel.ForEachAsync(sent, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) => await receiver.AcknowledgeAsync(id, ct));
        var after = new List<string>();
        await foreach (var id in receiver.EnumerateInboxAsync())
        {
            after.Add(id);
        }

        Assert.Empty(sent.Intersect(after));
    }

    [WitnessFact(WitnessNeed.DisabledMailbox)]
    public async Task W701_A_disabled_mailbox_is_refused_403()
    {
        var error = await Assert.ThrowsAsync<MeshApiException>(() => _target.Disabled().HandshakeAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [WitnessFact]
    public async Task W702_Sending_to_an_invalid_recipient_is_417_code_12()
    {
        var request = new MeshSendRequest("X26NOSUCH9", _target.Workflow);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => _target.Sender().SendAsync(request, Bytes.Stream("{}")));

        Assert.Equal((HttpStatusCode.ExpectationFailed, "12"), (error.StatusCode, error.ErrorCode));
    }

    [WitnessFact(WitnessNeed.NonDelivery)]
    public async Task W703_An_uncollected_message_comes_back_to_the_sender_as_a_REPORT_code_14_linked_to_it()
    {
        var sender = _target.Sender();
        var sent = await sender.SendAsync(Request("w703"), Bytes.Stream("{}"));

        await _target.ProduceNonDeliveryAsync(sent.MessageId);

        MeshReport? report = null;
        await foreach (var id in sender.EnumerateInboxAsync())
        {
            await using var download = await sender.DownloadAsync(id);
            if (download.Metadata.Report is { } r && r.LinkedMessageId == sent.MessageId)
            {
                report = r;
                await sender.AcknowledgeAsync(id);
            }
        }

        Assert.NotNull(report);
        Assert.Equal(("14", false), (report.StatusCode, report.IsSuccess));
    }

    [WitnessFact]
    public async Task W704_Downloading_a_message_that_does_not_exist_is_404()
    {
        var error = await Assert.ThrowsAsync<MeshApiException>(() => _target.Receiver().DownloadAsync("20200101000000000000_ABCDEF"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [WitnessFact]
    public async Task W705_Downloading_a_message_already_acknowledged_is_410_Gone()
    {
        var sent = await _target.Sender().SendAsync(Request("w705"), Bytes.Stream("{}"));
        var receiver = _target.Receiver();
        Assert.Equal("{}"u8.ToArray(), await Bytes.DownloadAllAsync(receiver, sent.MessageId));
        await receiver.AcknowledgeAsync(sent.MessageId);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => receiver.DownloadAsync(sent.MessageId));

        Assert.Equal(HttpStatusCode.Gone, error.StatusCode);
    }
}
