using System.Net.Http.Headers;
using System.Text;
using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class SendValidationTests
{
    private static readonly byte[] OneByte = "x"u8.ToArray();

    [Fact]
    public async Task Missing_mex_To_and_WorkflowID_is_400_naming_both_headers()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Post, "/messageexchange/X26ABC1/outbox", "X26ABC1");
        request.Content = new ByteArrayContent(OneByte);

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        var locs = Json(await response.Content.ReadAsStringAsync()).GetProperty("detail").EnumerateArray()
            .Select(d => d.GetProperty("loc")[1].GetString()).ToList();
        Assert.Equal(["mex-to", "mex-workflowid"], locs);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public async Task Unregistered_recipient_is_417_code_12_in_either_shape(string version)
    {
        await using var f = await ServerFixture.StartAsync();
        var accept = version == "v2" ? V2 : "*/*";

        using var response = await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "NOBODY1", "TEST_WORKFLOW", OneByte, accept));

        Assert.Equal(417, (int)response.StatusCode);
        var json = Json(await response.Content.ReadAsStringAsync());
        var (ev, code) = version == "v2"
            ? (json.GetProperty("detail")[0].GetProperty("event").GetString(), json.GetProperty("detail")[0].GetProperty("code").GetString())
            : (json.GetProperty("errorEvent").GetString(), json.GetProperty("errorCode").GetString());
        Assert.Equal(("SEND", "12"), (ev, code));
    }

    [Fact]
    public async Task Sender_not_registered_for_the_workflow_is_417_code_17()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC3", "X26ABC2", "TEST_WORKFLOW", OneByte));

        await AssertErrorAsync(response, 417, "SEND", "17");
    }

    [Fact]
    public async Task Recipient_not_registered_for_the_workflow_is_417_code_12()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "X26ABC3", "TEST_WORKFLOW", OneByte));

        await AssertErrorAsync(response, 417, "SEND", "12");
    }

    [Fact]
    public async Task Unregistered_workflow_is_accepted_when_registration_is_not_enforced()
    {
        await using var f = await ServerFixture.StartAsync(TestConfig.Create(enforceWorkflows: false));

        var id = await f.Client.SendAsync("X26ABC3", "X26ABC2", "ANY_WORKFLOW");

        Assert.Contains(id, await f.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task Empty_body_is_417_code_02()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", []));

        await AssertErrorAsync(response, 417, "COLLECT", "02");
    }

    [Fact]
    public async Task Oversized_body_is_413_and_nothing_is_delivered()
    {
        await using var f = await ServerFixture.StartAsync(TestConfig.Create(maxRequestBytes: 1024));

        using var response = await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", new byte[1025]));

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task Body_at_the_size_limit_is_accepted()
    {
        await using var f = await ServerFixture.StartAsync(TestConfig.Create(maxRequestBytes: 1024));

        using var response = await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", new byte[1024]));

        Assert.Equal(202, (int)response.StatusCode);
    }

    [Fact]
    public async Task Oversized_streamed_body_without_content_length_is_413()
    {
        await using var f = await ServerFixture.StartAsync(TestConfig.Create(maxRequestBytes: 1024));
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", []);
        request.Content = new StreamContent(new MemoryStream(new byte[5000]));
        request.Headers.TransferEncodingChunked = true;

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(413, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("mex-WorkflowID", "https://evil")]
    [InlineData("mex-Content-Checksum", "http://evil")]
    [InlineData("mex-LocalID", "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890")]
    public async Task Malformed_mex_headers_are_400_code_06(string header, string value)
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", OneByte);
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await f.Client.Http.SendAsync(request);

        await AssertErrorAsync(response, 400, "TRANSFER", "06");
    }

    [Fact]
    public async Task Checksum_with_forbidden_characters_is_400()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", OneByte);
        request.Headers.Add("mex-Content-Checksum", "md5:abc$def");

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task Mex_From_other_than_the_authenticated_mailbox_is_417_code_07()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", OneByte);
        request.Headers.Add("mex-From", "X26ABC3");

        using var response = await f.Client.Http.SendAsync(request);

        await AssertErrorAsync(response, 417, "SEND", "07");
    }

    [Theory]
    [InlineData("REPORT", 417)]
    [InlineData("DATA", 202)]
    public async Task Only_DATA_may_be_sent_as_mex_MessageType(string messageType, int status)
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", OneByte);
        request.Headers.Add("mex-MessageType", messageType);

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Content_encoding_other_than_gzip_is_422()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", OneByte);
        request.Content!.Headers.ContentEncoding.Add("br");

        using var response = await f.Client.Http.SendAsync(request);

        await AssertErrorAsync(response, 422, "SEND", "UnsupportedContentEncoding");
    }

    [Theory]
    [InlineData("2:1")]
    [InlineData("2:3")]
    [InlineData("a:b")]
    [InlineData("1")]
    public async Task First_request_chunk_range_other_than_1_of_N_is_417_InvalidHeaderChunks(string range)
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", OneByte);
        request.Headers.Add("mex-Chunk-Range", range);

        using var response = await f.Client.Http.SendAsync(request);

        await AssertErrorAsync(response, 417, "SEND", "InvalidHeaderChunks");
    }

    [Fact]
    public async Task Recipient_is_trimmed_and_upper_cased()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.SendRequest("X26ABC1", " x26abc2 ", "TEST_WORKFLOW", Encoding.UTF8.GetBytes("hi"));
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Single(await f.Client.InboxAsync("X26ABC2"));
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, int status, string expectedEvent, string expectedCode)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(V2, response.Content.Headers.ContentType!.MediaType);
        var detail = Json(await response.Content.ReadAsStringAsync()).GetProperty("detail")[0];
        Assert.Equal(expectedEvent, detail.GetProperty("event").GetString());
        Assert.Equal(expectedCode, detail.GetProperty("code").GetString());
    }
}
