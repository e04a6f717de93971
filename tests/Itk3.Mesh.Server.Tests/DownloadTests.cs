using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class DownloadTests
{
    [Fact]
    public async Task HEAD_returns_the_download_headers_without_a_body()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "hello", r => r.Headers.Add("mex-Subject", "s"));

        using var request = f.Client.Request(HttpMethod.Head, $"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(id, Header(response, "mex-messageid"));
        Assert.Equal("s", Header(response, "mex-subject"));
        Assert.Equal("ALL", Header(response, "mex-addresstype"));
        Assert.Equal("1.0", Header(response, "mex-version"));
        Assert.Equal(ServerFixture.Start, response.Content.Headers.LastModified);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_name_defaults_to_the_message_id_dot_dat()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");

        Assert.Equal(id + ".dat", Header(response, "mex-filename"));
    }

    [Fact]
    public async Task V1_download_uses_octet_stream_as_content_type()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2", accept: "*/*");

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/fhir+json", Header(response, "mex-content-type"));
    }

    [Fact]
    public async Task Unknown_message_is_404_code_20()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.GetAsync("/messageexchange/X26ABC2/inbox/NOPE", "X26ABC2");

        await SendValidationTests.AssertErrorAsync(response, 404, "RECEIVE", "20");
    }

    [Fact]
    public async Task Another_mailboxs_message_is_403()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC3/inbox/{id}", "X26ABC3");

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task Acknowledged_message_is_410_on_download_and_acknowledging_again_is_200()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        using (await f.Client.AcknowledgeAsync("X26ABC2", id))
        {
        }

        using var download = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        using var again = await f.Client.AcknowledgeAsync("X26ABC2", id, accept: "*/*");

        Assert.Equal(410, (int)download.StatusCode);
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal($"{{\"messageId\":\"{id}\"}}", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Acknowledging_an_unknown_message_is_404_and_someone_elses_is_403()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        using var unknown = await f.Client.AcknowledgeAsync("X26ABC2", "NOPE");
        using var foreign = await f.Client.AcknowledgeAsync("X26ABC3", id);

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(403, (int)foreign.StatusCode);
    }

    [Fact]
    public async Task Message_ids_are_matched_case_insensitively()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");

        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id.ToLowerInvariant()}", "X26ABC2");

        Assert.Equal(200, (int)response.StatusCode);
    }
}
