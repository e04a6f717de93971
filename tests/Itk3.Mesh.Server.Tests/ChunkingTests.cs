using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class ChunkingTests
{
    internal const string Part1 = "part-one-of-a-chunked-fhir-bundle;";
    internal const string Part2 = "part-two-end";

    [Fact]
    public async Task Gzip_chunks_upload_then_download_206_then_200_and_inflate_without_accept_encoding()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 2);
        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
        Assert.Equal("uploading", await TrackStatusAsync(f, id));

        using (var chunk2 = await PostChunkAsync(f, id, 2, "2:2", Gzip.Compress(Part2), "gzip"))
        {
            Assert.Equal(202, (int)chunk2.StatusCode);
            Assert.Equal("null", await chunk2.Content.ReadAsStringAsync());
        }

        Assert.Equal([id], await f.Client.InboxAsync("X26ABC2"));
        using var first = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        Assert.Equal(206, (int)first.StatusCode);
        Assert.Equal("1:2", Header(first, "mex-chunk-range"));
        Assert.Equal("application/octet-stream", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/fhir+json", Header(first, "mex-content-type"));
        Assert.Empty(first.Content.Headers.ContentEncoding);
        Assert.Equal(Part1, await first.Content.ReadAsStringAsync());
        Assert.NotEqual(true, first.Headers.TransferEncodingChunked);

        using var head = await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Head, $"/messageexchange/X26ABC2/inbox/{id}/2", "X26ABC2"));
        Assert.Equal(("2:2", 0L), (Header(head, "mex-chunk-range"), head.Content.Headers.ContentLength));

        using var second = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}/2", "X26ABC2");
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("2:2", Header(second, "mex-chunk-range"));
        Assert.Equal(Part2, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chunk_without_range_header_is_417_with_the_message_id()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 3);

        using var response = await PostChunkAsync(f, id, 2, null, Gzip.Compress("x"), "gzip");

        await SendValidationTests.AssertErrorAsync(response, 417, "SEND", "InvalidHeaderChunks");
        Assert.Equal(id, Json(await response.Content.ReadAsStringAsync()).GetProperty("message_id").GetString());
    }

    [Theory]
    [InlineData(3, "3:2")]
    [InlineData(2, "3:3")]
    [InlineData(3, "3:3")]
    [InlineData(2, "2:4")]
    public async Task Chunk_range_that_is_inverted_mismatched_out_of_order_or_wrong_total_is_417(int n, string range)
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 3);

        using var response = await PostChunkAsync(f, id, n, range, Gzip.Compress("x"), "gzip");

        Assert.Equal(417, (int)response.StatusCode);
    }

    [Fact]
    public async Task Chunk_number_beyond_the_declared_total_is_406()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 2);

        using var response = await PostChunkAsync(f, id, 3, "3:3", Gzip.Compress("x"), "gzip");

        Assert.Equal(406, (int)response.StatusCode);
    }

    [Fact]
    public async Task Changing_content_encoding_between_chunks_is_417()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 2);

        using var response = await PostChunkAsync(f, id, 2, "2:2", "plain"u8.ToArray(), null);

        await SendValidationTests.AssertErrorAsync(response, 417, "", "");
    }

    [Fact]
    public async Task Chunk_after_the_message_is_complete_is_423()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 2);
        using (await PostChunkAsync(f, id, 2, "2:2", Gzip.Compress(Part2), "gzip"))
        {
        }

        using var response = await PostChunkAsync(f, id, 2, "2:2", Gzip.Compress(Part2), "gzip");

        Assert.Equal(423, (int)response.StatusCode);
    }

    [Fact]
    public async Task Chunk_from_another_mailbox_is_403_and_unknown_message_is_404()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 2);

        using var other = await PostChunkAsync(f, id, 2, "2:2", Gzip.Compress(Part2), "gzip", mailbox: "X26ABC2");
        using var unknown = await PostChunkAsync(f, "NOPE", 2, "2:2", Gzip.Compress(Part2), "gzip");

        Assert.Equal(403, (int)other.StatusCode);
        Assert.Equal(404, (int)unknown.StatusCode);
    }

    [Fact]
    public async Task V1_chunk_upload_answers_with_message_id_and_block_id()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 3);

        using var response = await PostChunkAsync(f, id, 2, "2:3", Gzip.Compress("x"), "gzip", accept: "*/*");

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal($"{{\"messageID\":\"{id}\",\"blockID\":2}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chunk_n_beyond_the_total_on_download_is_404_code_20()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 2);
        using (await PostChunkAsync(f, id, 2, "2:2", Gzip.Compress(Part2), "gzip"))
        {
        }

        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}/3", "X26ABC2");

        await SendValidationTests.AssertErrorAsync(response, 404, "RECEIVE", "20");
    }

    [Fact]
    public async Task Resending_the_last_received_chunk_is_accepted_as_a_retry()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 3);
        using (await PostChunkAsync(f, id, 2, "2:3", Gzip.Compress("two;"), "gzip"))
        {
        }

        using var retry = await PostChunkAsync(f, id, 2, "2:3", Gzip.Compress("two;"), "gzip");
        using var last = await PostChunkAsync(f, id, 3, "3:3", Gzip.Compress("three"), "gzip");

        using var older = await PostChunkAsync(f, id, 2, "2:3", Gzip.Compress("two;"), "gzip");
        Assert.Equal((202, 202, 423), ((int)retry.StatusCode, (int)last.StatusCode, (int)older.StatusCode));
        using var chunk3 = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}/3", "X26ABC2");
        Assert.Equal("three", await chunk3.Content.ReadAsStringAsync());
        var tracking = await TrackingAndLookupTests.TrackAsync(f, id, "*/*");
        var expected = Gzip.Compress(Part1).Length + Gzip.Compress("two;").Length + Gzip.Compress("three").Length;
        Assert.Equal(expected, tracking.GetProperty("fileSize").GetInt64());
    }

    [Fact]
    public async Task Re_sending_an_earlier_chunk_than_the_last_received_is_417()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 4);
        using (await PostChunkAsync(f, id, 2, "2:4", Gzip.Compress("two;"), "gzip"))
        using (await PostChunkAsync(f, id, 3, "3:4", Gzip.Compress("three;"), "gzip"))
        {
        }

        using var response = await PostChunkAsync(f, id, 2, "2:4", Gzip.Compress("two;"), "gzip");

        Assert.Equal(417, (int)response.StatusCode);
    }

    [Fact]
    public async Task Chunk_larger_than_the_request_limit_is_413()
    {
        await using var f = await ServerFixture.StartAsync(TestConfig.Create(maxRequestBytes: 1024));
        var id = await StartGzipAsync(f, total: 2);

        using var response = await PostChunkAsync(f, id, 2, "2:2", new byte[2048], "gzip");

        Assert.Equal(413, (int)response.StatusCode);
    }

    [Fact]
    public async Task Message_whose_chunks_exceed_the_message_limit_is_413_and_never_delivered()
    {
        var config = TestConfig.Create() with { Limits = new Configuration.MeshLimits { MaxRequestBytes = 100, MaxMessageBytes = 150 } };
        await using var f = await ServerFixture.StartAsync(config);
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", new string('a', 100), r => r.Headers.Add("mex-Chunk-Range", "1:2"));

        using var response = await PostChunkAsync(f, id, 2, "2:2", new byte[100], null);

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task Declaring_more_chunks_than_allowed_is_417()
    {
        var config = TestConfig.Create() with { Limits = new Configuration.MeshLimits { MaxChunks = 5 } };
        await using var f = await ServerFixture.StartAsync(config);
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "x"u8.ToArray());
        request.Headers.Add("mex-Chunk-Range", "1:6");

        using var response = await f.Client.Http.SendAsync(request);

        await SendValidationTests.AssertErrorAsync(response, 417, "SEND", "InvalidHeaderChunks");
    }

    internal static async Task<string> StartGzipAsync(ServerFixture f, int total)
    {
        return await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "", r =>
        {
            r.Content = new ByteArrayContent(Gzip.Compress(Part1));
            r.Content.Headers.ContentEncoding.Add("gzip");
            r.Content.Headers.TryAddWithoutValidation("Content-Type", "application/octet-stream");
            r.Headers.Add("mex-Content-Type", "application/fhir+json");
            r.Headers.Add("mex-Chunk-Range", $"1:{total}");
            r.Headers.Add("mex-FileName", "big.json");
        });
    }

    internal static async Task<HttpResponseMessage> PostChunkAsync(
        ServerFixture f, string id, int n, string? range, byte[] body, string? encoding, string mailbox = "X26ABC1", string accept = V2)
    {
        using var request = f.Client.Request(HttpMethod.Post, $"/messageexchange/{mailbox}/outbox/{id}/{n}", mailbox, accept);
        request.Content = new ByteArrayContent(body);
        if (encoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(encoding);
        }

        if (range is not null)
        {
            request.Headers.Add("mex-Chunk-Range", range);
        }

        return await f.Client.Http.SendAsync(request);
    }

    internal static async Task<string> TrackStatusAsync(ServerFixture f, string id)
    {
        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC1/outbox/tracking?messageID={id}", "X26ABC1");
        return Json(await response.Content.ReadAsStringAsync()).GetProperty("status").GetString()!;
    }
}
