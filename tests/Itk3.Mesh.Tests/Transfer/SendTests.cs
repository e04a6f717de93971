using System.Net;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;
using Itk3.Mesh.Tests.Fakes;

namespace Itk3.Mesh.Tests.Transfer;

public sealed class SendTests
{
    private static readonly MeshSendRequest Request = new("x26abc2", "TEST_WORKFLOW")
    {
        FileName = "bundle.json", LocalId = "local-1", Subject = "itk3 test", ContentType = "application/fhir+json",
        ContentChecksum = "md5:0123abcd",
    };

    private static FakeMeshHandler Accepting(string id = "MSG1") => new()
    {
        Fallback = r => FakeMeshHandler.Json(HttpStatusCode.Accepted,
            r.PathAndQuery.EndsWith("/outbox", StringComparison.Ordinal) ? $$"""{"message_id":"{{id}}"}""" : "null"),
    };

    [Fact]
    public async Task Sends_a_small_message_in_one_post_with_the_mex_headers_named_as_in_the_spec()
    {
        var fake = Accepting();
        using var client = TestClients.Create(fake);

        var result = await client.SendAsync(Request, new MemoryStream("{}"u8.ToArray()));

        Assert.Equal(new MeshSendResult("MSG1", 1), result);
        var post = Assert.Single(fake.Requests);
        Assert.Equal(HttpMethod.Post, post.Method);
        Assert.Equal("/messageexchange/X26ABC1/outbox", post.PathAndQuery);
        Assert.Equal("{}"u8.ToArray(), post.Body);
        Assert.Equal("application/fhir+json", post.Single("Content-Type"));
        var expected = new[]
        {
            "mex-From", "mex-To", "mex-WorkflowID", "mex-Chunk-Range", "mex-Subject", "mex-LocalID", "mex-FileName",
            "mex-Content-Checksum", "mex-Content-Type",
        };
        Assert.Equal(expected, post.HeaderNames.Where(n => n.StartsWith("mex-", StringComparison.Ordinal)));
        Assert.Equal(["X26ABC1", "x26abc2", "TEST_WORKFLOW", "1:1"], new[] { "mex-From", "mex-To", "mex-WorkflowID", "mex-Chunk-Range" }.Select(n => post.Single(n)!));
    }

    [Fact]
    public async Task Sends_exactly_one_accept_value_on_every_call()
    {
        var fake = Accepting();
        fake.Fallback = _ => FakeMeshHandler.Json(HttpStatusCode.Accepted, """{"message_id":"A","messages":[],"results":[],"status":"accepted"}""");
        using var client = TestClients.Create(fake);

        await client.HandshakeAsync();
        await client.SendAsync(Request, new MemoryStream([1]));
        await client.ListInboxAsync();
        await client.TrackAsync("A");
        await client.AcknowledgeAsync("A");
        await client.LookupEndpointAsync("X26", "WF");

        Assert.All(fake.Requests, r => Assert.Equal(["application/vnd.mesh.v2+json"], r.Values("Accept")));
    }

    [Fact]
    public async Task Splits_the_uncompressed_content_into_ordered_chunks_with_their_ranges()
    {
        var payload = Payloads.Bytes(2500);
        var fake = Accepting("BIG");
        using var client = TestClients.Create(fake, chunkSize: 1000);

        var result = await client.SendAsync(Request, new MemoryStream(payload));

        Assert.Equal(3, result.ChunkCount);
        Assert.Equal(
            ["/messageexchange/X26ABC1/outbox", "/messageexchange/X26ABC1/outbox/BIG/2", "/messageexchange/X26ABC1/outbox/BIG/3"],
            fake.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(["1:3", "2:3", "3:3"], fake.Requests.Select(r => r.Single("mex-Chunk-Range")!));
        Assert.Equal([1000, 1000, 500], fake.Requests.Select(r => r.Body.Length));
        Assert.Equal(payload, fake.Requests.SelectMany(r => r.Body).ToArray());
        Assert.All(fake.Requests, r => Assert.Equal("application/octet-stream", r.Single("Content-Type")));
        Assert.Equal("application/fhir+json", fake.Requests[0].Single("mex-Content-Type"));
    }

    [Fact]
    public async Task Gzips_each_chunk_on_its_own()
    {
        var payload = Payloads.Bytes(2500);
        var fake = Accepting();
        using var client = TestClients.Create(fake, chunkSize: 1000);

        await client.SendAsync(Request with { Compress = true }, new MemoryStream(payload));

        Assert.All(fake.Requests, r => Assert.Equal("gzip", r.Single("Content-Encoding")));
        var parts = fake.Requests.Select(r => Payloads.Gunzip(r.Body)).ToList();
        Assert.Equal([1000, 1000, 500], parts.Select(p => p.Length));
        Assert.Equal(payload, parts.SelectMany(p => p).ToArray());
    }

    [Fact]
    public async Task Gzips_chunks_larger_than_the_in_memory_limit_through_a_temporary_file()
    {
        const int chunk = Itk3.Mesh.Transfer.ChunkBody.InMemoryGzipLimit + 1024;
        var payload = Payloads.Bytes((2 * chunk) - 100);
        var fake = Accepting();
        using var client = TestClients.Create(fake, chunkSize: chunk);

        await client.SendAsync(Request with { Compress = true }, new MemoryStream(payload));

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(payload, fake.Requests.SelectMany(r => Payloads.Gunzip(r.Body)).ToArray());
        Assert.All(fake.Requests, r => Assert.Equal(r.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Single("Content-Length")));
    }

    [Fact]
    public async Task Sends_a_stream_that_cannot_seek_from_start_to_end()
    {
        var payload = Payloads.Bytes(2100);
        var fake = Accepting();
        using var client = TestClients.Create(fake, chunkSize: 1000);

        var result = await client.SendAsync(Request, new Payloads.ForwardOnlyStream(payload));

        Assert.Equal(3, result.ChunkCount);
        Assert.Equal(payload, fake.Requests.SelectMany(r => r.Body).ToArray());
    }

    [Fact]
    public async Task Sends_from_the_current_position_of_a_seekable_stream()
    {
        var payload = Payloads.Bytes(300);
        var stream = new MemoryStream(payload) { Position = 100 };
        var fake = Accepting();
        using var client = TestClients.Create(fake, chunkSize: 150);

        await client.SendAsync(Request, stream);

        Assert.Equal(payload[100..], fake.Requests.SelectMany(r => r.Body).ToArray());
        Assert.Equal("1:2", fake.Requests[0].Single("mex-Chunk-Range"));
    }

    [Fact]
    public async Task Turns_a_v2_rejection_into_a_typed_error_with_the_mesh_code()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.ExpectationFailed,
            """{"detail":[{"event":"SEND","code":"12","msg":"Unregistered to address"}]}""");
        using var client = TestClients.Create(fake);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => client.SendAsync(Request, new MemoryStream([1])));

        Assert.Equal((HttpStatusCode.ExpectationFailed, "12", "SEND"), (error.StatusCode, error.ErrorCode, error.ErrorEvent));
    }

    [Fact]
    public async Task Reads_the_message_id_from_a_v1_send_response_too()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.Accepted, """{"messageID":"V1ID"}""");
        using var client = TestClients.Create(fake);

        var result = await client.SendAsync(Request, new MemoryStream([1]));

        Assert.Equal("V1ID", result.MessageId);
    }

    [Fact]
    public async Task A_send_response_without_a_message_id_is_a_typed_protocol_error()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.Accepted, "null");
        using var client = TestClients.Create(fake);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => client.SendAsync(Request, new MemoryStream([1])));

        Assert.Equal(MeshClientErrorCodes.InvalidResponse, error.ErrorCode);
    }

    [Theory]
    [InlineData("", "WF")]
    [InlineData("X26ABC2", "")]
    [InlineData("X26ABC2", "https://evil")]
    [InlineData("X26\nABC2", "WF")]
    public async Task Refuses_headers_mesh_would_reject_before_sending_anything(string to, string workflow)
    {
        var fake = Accepting();
        using var client = TestClients.Create(fake);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SendAsync(new MeshSendRequest(to, workflow), new MemoryStream([1])));
        Assert.Empty(fake.Requests);
    }
}
