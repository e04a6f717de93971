using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

/// <summary>Status, content type and body bytes as recorded from the reference sandbox (mesh-sandbox-transcript.txt).</summary>
public sealed class TranscriptFidelityTests
{
    [Fact]
    public async Task E1_bad_HMAC()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, "/messageexchange/X26ABC2/inbox", null);
        request.Headers.TryAddWithoutValidation("Authorization", f.Client.Token("X26ABC2", key: "Banana"));

        await AssertRecordedAsync(await f.Client.Http.SendAsync(request), 403, V2,
            "{\"detail\":[{\"event\":\"\",\"code\":\"\",\"msg\":\"Invalid Authentication Token\"}]}");
    }

    [Fact]
    public async Task E2_no_authorization_header()
    {
        await using var f = await ServerFixture.StartAsync();

        await AssertRecordedAsync(await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Get, "/messageexchange/X26ABC2/inbox", null)), 403, V2,
            "{\"detail\":[{\"event\":\"\",\"code\":\"\",\"msg\":\"Error reading from Authorization header\"}]}");
    }

    [Fact]
    public async Task E3_token_mailbox_differs_from_path()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, "/messageexchange/X26ABC2/inbox", "X26ABC1");

        await AssertRecordedAsync(await f.Client.Http.SendAsync(request), 403, V2,
            "{\"detail\":[{\"event\":\"\",\"code\":\"\",\"msg\":\"Mailbox id does not match token\"}]}");
    }

    [Fact]
    public async Task E4_unknown_mailbox()
    {
        await using var f = await ServerFixture.StartAsync();

        await AssertRecordedAsync(await f.Client.GetAsync("/messageexchange/NOBODY1/inbox", "NOBODY1"), 403, V2,
            "{\"detail\":[{\"event\":\"SEND\",\"code\":\"EPL-151\",\"msg\":\"No mailbox matched\"}]}");
    }

    [Fact]
    public async Task E5_unregistered_recipient_v2_and_v1()
    {
        await using var f = await ServerFixture.StartAsync();

        await AssertRecordedAsync(await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "NOBODY1", "TEST_WORKFLOW", "x"u8.ToArray())), 417, V2,
            "{\"detail\":[{\"event\":\"SEND\",\"code\":\"12\",\"msg\":\"Unregistered to address\"}]}");
        await AssertRecordedAsync(await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "NOBODY1", "TEST_WORKFLOW", "x"u8.ToArray(), "*/*")), 417, "application/json",
            "{\"errorEvent\":\"SEND\",\"errorCode\":\"12\",\"errorDescription\":\"Unregistered to address\"}");
    }

    [Fact]
    public async Task E6_missing_mex_To_and_WorkflowID()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Post, "/messageexchange/X26ABC1/outbox", "X26ABC1");
        request.Content = new ByteArrayContent("x"u8.ToArray());

        await AssertRecordedAsync(await f.Client.Http.SendAsync(request), 400, "application/json",
            "{\"detail\":[{\"loc\":[\"header\",\"mex-to\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"},"
            + "{\"loc\":[\"header\",\"mex-workflowid\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}");
    }

    [Fact]
    public async Task E7_empty_body()
    {
        await using var f = await ServerFixture.StartAsync();

        await AssertRecordedAsync(await f.Client.Http.SendAsync(f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", [])), 417, V2,
            "{\"detail\":[{\"event\":\"COLLECT\",\"code\":\"02\",\"msg\":\"Data file is missing or inaccessible.\"}]}");
    }

    [Fact]
    public async Task E8_bad_chunk_range_and_E9_unsupported_encoding_and_E10_url_in_header()
    {
        await using var f = await ServerFixture.StartAsync();
        using var e8 = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "x"u8.ToArray());
        e8.Headers.Add("mex-Chunk-Range", "2:1");
        using var e9 = f.Client.SendRequest("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "x"u8.ToArray());
        e9.Content!.Headers.ContentEncoding.Add("br");
        using var e10 = f.Client.SendRequest("X26ABC1", "X26ABC2", "https://evil", "x"u8.ToArray());

        await AssertRecordedAsync(await f.Client.Http.SendAsync(e8), 417, V2,
            "{\"detail\":[{\"event\":\"SEND\",\"code\":\"InvalidHeaderChunks\",\"msg\":\"Invalid chunk values sent in mex-Chunk-Range header\"}]}");
        await AssertRecordedAsync(await f.Client.Http.SendAsync(e9), 422, V2,
            "{\"detail\":[{\"event\":\"SEND\",\"code\":\"UnsupportedContentEncoding\",\"msg\":\"Unsupported content encoding\"}]}");
        await AssertRecordedAsync(await f.Client.Http.SendAsync(e10), 400, V2,
            "{\"detail\":[{\"event\":\"TRANSFER\",\"code\":\"06\",\"msg\":\"MalformedControlFile\"}]}");
    }

    [Fact]
    public async Task E11_unknown_message_and_E12_unknown_tracking()
    {
        await using var f = await ServerFixture.StartAsync();

        await AssertRecordedAsync(await f.Client.GetAsync("/messageexchange/X26ABC2/inbox/NOPE", "X26ABC2"), 404, V2,
            "{\"detail\":[{\"event\":\"RECEIVE\",\"code\":\"20\",\"msg\":\"Message does not exist\"}]}");
        await AssertRecordedAsync(await f.Client.GetAsync("/messageexchange/X26ABC1/outbox/tracking?messageID=NOPE", "X26ABC1"), 404, V2,
            "{\"detail\":[{\"event\":\"\",\"code\":\"\",\"msg\":\"Not Found\"}]}");
    }

    [Fact]
    public async Task E13_handshake_missing_client_headers()
    {
        await using var f = await ServerFixture.StartAsync();

        await AssertRecordedAsync(await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Post, "/messageexchange/X26ABC1", "X26ABC1")), 400, "application/json",
            "{\"detail\":[{\"loc\":[\"header\",\"mex-clientversion\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"},"
            + "{\"loc\":[\"header\",\"mex-osname\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"},"
            + "{\"loc\":[\"header\",\"mex-osversion\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}");
    }

    [Fact]
    public async Task E14_bad_accept_and_E15_max_results_below_10()
    {
        await using var f = await ServerFixture.StartAsync();

        await AssertRecordedAsync(await f.Client.GetAsync("/messageexchange/X26ABC2/inbox", "X26ABC2", "application/vnd.mesh.vX+json"), 400, "application/json",
            "{\"errorEvent\":\"\",\"errorCode\":\"\",\"errorDescription\":\"Accept header api format incorrect\"}");
        await AssertRecordedAsync(await f.Client.GetAsync("/messageexchange/X26ABC2/inbox?max_results=5", "X26ABC2"), 400, "application/json",
            "{\"detail\":[{\"loc\":[\"query\",\"max_results\"],\"msg\":\"ensure this value is greater than or equal to 10\","
            + "\"type\":\"value_error.number.not_ge\",\"ctx\":{\"limit_value\":10}}]}");
    }

    [Fact]
    public async Task K4_chunk_without_range_carries_the_message_id()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "abc", r => r.Headers.Add("mex-Chunk-Range", "1:3"));
        using var request = f.Client.Request(HttpMethod.Post, $"/messageexchange/X26ABC1/outbox/{id}/2", "X26ABC1");
        request.Content = new ByteArrayContent("def"u8.ToArray());

        await AssertRecordedAsync(await f.Client.Http.SendAsync(request), 417, V2,
            $"{{\"message_id\":\"{id}\",\"detail\":[{{\"event\":\"SEND\",\"code\":\"InvalidHeaderChunks\",\"msg\":\"Invalid chunk values sent in mex-Chunk-Range header\"}}]}}");
    }

    [Fact]
    public async Task L5_ping()
    {
        await using var f = await ServerFixture.StartAsync();

        await AssertRecordedAsync(await f.Client.Http.GetAsync("/messageexchange/_ping"), 200, "application/json",
            "{\"env\":\"local\",\"build_label\":\"latest\",\"status\":\"running\",\"outcome\":\"Yes\"}");
    }

    private static async Task AssertRecordedAsync(HttpResponseMessage response, int status, string contentType, string body)
    {
        using (response)
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        }
    }
}
