using System.Net;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;
using Itk3.Mesh.Tests.Fakes;

namespace Itk3.Mesh.Tests.Retry;

public sealed class RetryRuleTests
{
    private static readonly MeshSendRequest Request = new("X26ABC2", "TEST_WORKFLOW");

    [Fact]
    public async Task Never_retries_the_initial_send_after_a_transient_status()
    {
        var fake = new FakeMeshHandler { Fallback = _ => FakeMeshHandler.Json(HttpStatusCode.ServiceUnavailable, null) };
        using var client = TestClients.Create(fake);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => client.SendAsync(Request, new MemoryStream([1, 2])));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Never_retries_the_initial_send_after_a_lost_connection()
    {
        var fake = new FakeMeshHandler().ThenThrow(new HttpRequestException("reset"));
        fake.Fallback = _ => FakeMeshHandler.Json(HttpStatusCode.Accepted, """{"message_id":"DUP"}""");
        using var client = TestClients.Create(fake);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Request, new MemoryStream([1, 2])));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Retries_chunk_two_with_the_same_bytes_and_a_fresh_token()
    {
        var fake = new FakeMeshHandler()
            .Then(HttpStatusCode.Accepted, """{"message_id":"M"}""")
            .Then(HttpStatusCode.BadGateway)
            .ThenThrow(new HttpRequestException("reset"))
            .Then(HttpStatusCode.Accepted, "null");
        using var client = TestClients.Create(fake, chunkSize: 2);

        var result = await client.SendAsync(Request, new MemoryStream([1, 2, 3, 4]));

        Assert.Equal(2, result.ChunkCount);
        var chunkTwo = fake.Requests.Skip(1).ToList();
        Assert.Equal(3, chunkTwo.Count);
        Assert.All(chunkTwo, r => Assert.Equal(new byte[] { 3, 4 }, r.Body));
        Assert.Equal(3, chunkTwo.Select(r => r.Single("Authorization")).Distinct().Count());
    }

    [Fact]
    public async Task Retries_chunks_with_gzip_bodies_identically()
    {
        var fake = new FakeMeshHandler()
            .Then(HttpStatusCode.Accepted, """{"message_id":"M"}""")
            .Then(HttpStatusCode.TooManyRequests)
            .Then(HttpStatusCode.Accepted, "null");
        using var client = TestClients.Create(fake, chunkSize: 2);

        await client.SendAsync(Request with { Compress = true }, new MemoryStream([1, 2, 3, 4]));

        Assert.Equal(fake.Requests[1].Body, fake.Requests[2].Body);
        Assert.Equal(new byte[] { 3, 4 }, Payloads.Gunzip(fake.Requests[2].Body));
    }

    [Fact]
    public async Task A_chunk_that_keeps_failing_reports_the_message_id_and_chunk()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.Accepted, """{"message_id":"M"}""");
        fake.Fallback = _ => FakeMeshHandler.Json(HttpStatusCode.ServiceUnavailable, null);
        using var client = TestClients.Create(fake, chunkSize: 2, maxRetries: 1);

        var error = await Assert.ThrowsAsync<MeshSendIncompleteException>(() => client.SendAsync(Request, new MemoryStream([1, 2, 3, 4, 5])));

        Assert.Equal(("M", 2, 3), (error.MessageId, error.FailedChunk, error.TotalChunks));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<MeshApiException>(error.InnerException).StatusCode);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Gives_up_on_an_idempotent_call_after_the_configured_retries()
    {
        var fake = new FakeMeshHandler { Fallback = _ => FakeMeshHandler.Json(HttpStatusCode.GatewayTimeout, null) };
        using var client = TestClients.Create(fake, maxRetries: 2);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => client.ListInboxAsync());

        Assert.True(error.IsTransient);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Retries_acknowledge_after_a_dropped_connection()
    {
        var fake = new FakeMeshHandler().ThenThrow(new HttpRequestException("reset")).Then(HttpStatusCode.OK);
        using var client = TestClients.Create(fake);

        await client.AcknowledgeAsync("M1");

        Assert.Equal(2, fake.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Does_not_retry_statuses_that_are_not_transient(HttpStatusCode status)
    {
        var fake = new FakeMeshHandler { Fallback = _ => FakeMeshHandler.Json(status, null) };
        using var client = TestClients.Create(fake);

        await Assert.ThrowsAsync<MeshApiException>(() => client.TrackAsync("M1"));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Retries_an_idempotent_call_that_MESH_answered_with_500_once()
    {
        var fake = new FakeMeshHandler().Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.NotFound);
        using var client = TestClients.Create(fake);

        var error = await Assert.ThrowsAsync<MeshApiException>(() => client.TrackAsync("M1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(2, fake.Requests.Count);
    }
}
