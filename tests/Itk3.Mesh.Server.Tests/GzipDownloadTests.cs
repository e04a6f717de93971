using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.ChunkingTests;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class GzipDownloadTests
{
    [Fact]
    public async Task Gzip_chunk_is_returned_compressed_when_the_client_accepts_gzip()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await StartGzipAsync(f, total: 2);
        using (await PostChunkAsync(f, id, 2, "2:2", Gzip.Compress(Part2), "gzip"))
        {
        }

        using var request = f.Client.Request(HttpMethod.Get, $"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(206, (int)response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("", Header(response, "mex-content-compressed"));
        Assert.Equal(Part1, Gzip.Decompress(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("N")]
    [InlineData("Y")]
    public async Task The_senders_content_compressed_flag_passes_through_unchanged_on_a_gzip_download(string flag)
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "plain text body",
            r => r.Headers.Add("mex-Content-Compressed", flag));

        using var request = f.Client.Request(HttpMethod.Get, $"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal(flag, Header(response, "mex-content-compressed"));
    }

    [Fact]
    public async Task Plain_message_is_gzipped_for_a_v2_client_that_accepts_gzip()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "plain text body");

        using var request = f.Client.Request(HttpMethod.Get, $"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("plain text body", Gzip.Decompress(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Large_transcoded_downloads_stream_without_content_length_and_arrive_intact()
    {
        await using var f = await ServerFixture.StartAsync();
        var text = string.Concat(Enumerable.Range(0, 600_000).Select(i => (char)('a' + (i * 7919 % 26))));
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "", r =>
        {
            r.Content = new ByteArrayContent(Gzip.Compress(text + text + text + text + text + text + text + text));
            r.Content.Headers.ContentEncoding.Add("gzip");
        });

        using var inflated = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");

        Assert.True(inflated.Headers.TransferEncodingChunked);
        Assert.Equal(text.Length * 8, (await inflated.Content.ReadAsStringAsync()).Length);
    }

    [Fact]
    public async Task Body_declared_gzip_that_is_not_gzip_is_refused()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "not gzip"u8.ToArray());
        request.Content!.Headers.ContentEncoding.Add("gzip");

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
    }

    public static TheoryData<string> BadFraming => new()
    {
        "1f8b0800000000000003", // header only: too short for any gzip member
        "1f8b08e0000000000003030000000000000000000000", // reserved flag bits set
        "1f8b0900000000000003030000000000000000000000", // compression method 9 (only 8, deflate, exists)
        "1f8b0800000000000003070000000000000000000000", // first deflate block of reserved type 3
    };

    [Theory]
    [MemberData(nameof(BadFraming))]
    public async Task A_gzip_body_with_broken_framing_is_refused_without_inflating(string hex)
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", Convert.FromHexString(hex));
        request.Content!.Headers.ContentEncoding.Add("gzip");

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
    }

    [Theory]
    [InlineData(false, 202)]
    [InlineData(true, 400)]
    public async Task A_gzip_body_with_a_wrong_crc_is_refused_at_upload_only_when_the_server_inflates_on_upload(bool inflate, int expected)
    {
        var config = TestConfig.Create() with { Limits = new Configuration.MeshLimits { InflateGzipOnUpload = inflate } };
        await using var f = await ServerFixture.StartAsync(config);
        var gzip = Gzip.Compress(new string('x', 5000) + Guid.Empty);
        gzip[^8] ^= 0xFF; // the CRC-32 of the trailer
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", gzip);
        request.Content!.Headers.ContentEncoding.Add("gzip");

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(expected, (int)response.StatusCode);
    }
}
