using System.Net;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;
using Itk3.Mesh.Tests.Fakes;

namespace Itk3.Mesh.Tests.Transfer;

public sealed class DownloadTests
{
    private static async Task<byte[]> ReadAllAsync(MeshDownload download)
    {
        using var target = new MemoryStream();
        await download.Content.CopyToAsync(target);
        return target.ToArray();
    }

    [Fact]
    public async Task Reads_all_chunks_in_order_fetching_each_only_when_needed()
    {
        var payload = Payloads.Bytes(2500);
        var fake = new FakeMeshHandler()
            .Then(_ => Responses.Chunk("M", 1, 3, payload[..1000]))
            .Then(_ => Responses.Chunk("M", 2, 3, payload[1000..2000]))
            .Then(_ => Responses.Chunk("M", 3, 3, payload[2000..]));
        using var client = TestClients.Create(fake);

        await using var download = await client.DownloadAsync("M");
        Assert.Single(fake.Requests);
        var body = await ReadAllAsync(download);

        Assert.Equal(payload, body);
        Assert.Equal(
            ["/messageexchange/X26ABC1/inbox/M", "/messageexchange/X26ABC1/inbox/M/2", "/messageexchange/X26ABC1/inbox/M/3"],
            fake.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(3, download.Metadata.TotalChunks);
    }

    [Fact]
    public async Task Gunzips_each_chunk_separately_and_asks_for_gzip()
    {
        var payload = Payloads.Bytes(1500);
        var fake = new FakeMeshHandler()
            .Then(_ => Responses.Chunk("M", 1, 2, payload[..1000], gzip: true))
            .Then(_ => Responses.Chunk("M", 2, 2, payload[1000..], gzip: true));
        using var client = TestClients.Create(fake);

        await using var download = await client.DownloadAsync("M");

        Assert.Equal(payload, await ReadAllAsync(download));
        Assert.All(fake.Requests, r => Assert.Equal("gzip", r.Single("Accept-Encoding")));
    }

    [Fact]
    public async Task Exposes_every_mex_header_of_a_data_message_as_typed_metadata()
    {
        var fake = new FakeMeshHandler().Then(_ => Responses.Chunk("C308", 1, 1, "{}"u8.ToArray(), type: "application/fhir+json"));
        using var client = TestClients.Create(fake);

        await using var download = await client.DownloadAsync("C308");
        var m = download.Metadata;

        Assert.Equal((MeshMessageType.Data, "C308", "X26ABC2", "TEST_WORKFLOW", "local-123", "bundle.json"),
            (m.MessageType, m.MessageId, m.From, m.WorkflowId, m.LocalId, m.FileName));
        Assert.Equal(("00", true, "application/fhir+json"), (m.StatusCode, m.StatusSuccess, m.ContentType));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 5, 24, 26, TimeSpan.Zero), m.StatusTimestamp);
        Assert.Equal("ALL", m.Headers["MEX-ADDRESSTYPE"]);
        Assert.Equal("ALL", m.AddressType);
        Assert.Null(m.Report);
    }

    [Fact]
    public async Task Presents_a_report_with_its_linked_message_and_status()
    {
        var fake = new FakeMeshHandler().Then(_ => Responses.Report());
        using var client = TestClients.Create(fake);

        await using var download = await client.DownloadAsync("99CC");

        var report = download.Metadata.Report;
        Assert.NotNull(report);
        Assert.Equal(("99CC", "C308", "14", "TRANSFER", false), (report.MessageId, report.LinkedMessageId, report.StatusCode, report.StatusEvent, report.IsSuccess));
        Assert.Empty(await ReadAllAsync(download));
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Reads_metadata_with_head_without_a_body()
    {
        var fake = new FakeMeshHandler().Then(_ => Responses.Chunk("M", 1, 4, []));
        using var client = TestClients.Create(fake);

        var metadata = await client.GetMetadataAsync("M");

        Assert.Equal(HttpMethod.Head, fake.Requests[0].Method);
        Assert.Equal(4, metadata.TotalChunks);
    }

    [Fact]
    public async Task Reports_an_unknown_message_by_status_and_mesh_code()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.NotFound, """{"detail":[{"event":"RECEIVE","code":"20","msg":"Message does not exist"}]}""");
        using var client = TestClients.Create(fake);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => client.DownloadAsync("NOPE"));

        Assert.Equal((HttpStatusCode.NotFound, "20", "RECEIVE"), (error.StatusCode, error.ErrorCode, error.ErrorEvent));
    }

    [Fact]
    public async Task Rejects_a_chunk_that_arrives_out_of_sequence()
    {
        var fake = new FakeMeshHandler()
            .Then(_ => Responses.Chunk("M", 1, 3, [1]))
            .Then(_ => Responses.Chunk("M", 3, 3, [3]));
        using var client = TestClients.Create(fake);

        await using var download = await client.DownloadAsync("M");

        var error = await Assert.ThrowsAsync<MeshApiException>(() => ReadAllAsync(download));
        Assert.Equal(MeshClientErrorCodes.ChunkSequence, error.ErrorCode);
    }
}
