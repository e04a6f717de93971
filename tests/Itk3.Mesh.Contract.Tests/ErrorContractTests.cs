using System.Net;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>Every error the server can give, asserted by HTTP status and MESH code as the client reports them.</summary>
public sealed class ErrorContractTests : IAsyncLifetime
{
    private MeshEnvironment _mesh = null!;

    public async Task InitializeAsync() => _mesh = await MeshEnvironment.StartAsync(ContractConfig.Create(maxRequestBytes: 64 * 1024));

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private static async Task AssertMeshError(HttpStatusCode status, string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<MeshApiException>(call);
        Assert.Equal((status, code), (error.StatusCode, error.ErrorCode));
    }

    private Task<MeshSendResult> SendAsync(string to = Receiver, string workflow = Workflow, string body = "{}", string? checksum = null) =>
        _mesh.Client(Sender).SendAsync(new MeshSendRequest(to, workflow) { ContentChecksum = checksum }, Bytes.Stream(body));

    [Fact]
    public Task Sending_to_an_unregistered_mailbox_is_417_code_12() =>
        AssertMeshError(HttpStatusCode.ExpectationFailed, "12", () => SendAsync(to: "NOBODY1"));

    [Fact]
    public Task Sending_a_workflow_the_sender_is_not_registered_for_is_417_code_17() =>
        AssertMeshError(HttpStatusCode.ExpectationFailed, "17", () => SendAsync(workflow: AckWorkflow));

    [Fact]
    public Task Sending_an_empty_body_is_417_code_02() =>
        AssertMeshError(HttpStatusCode.ExpectationFailed, "02", () => SendAsync(body: ""));

    [Fact]
    public Task A_checksum_with_forbidden_characters_is_400_code_06() =>
        AssertMeshError(HttpStatusCode.BadRequest, "06", () => SendAsync(checksum: "md5=abc"));

    [Fact]
    public Task A_chunk_over_the_request_limit_is_413_while_smaller_chunks_pass()
    {
        var payload = Bytes.Pattern(100 * 1024);
        var tooBig = _mesh.Client(Sender, chunkSize: 80 * 1024);
        var fits = _mesh.Client(Sender, chunkSize: 60 * 1024);

        return Task.WhenAll(
            AssertMeshError(HttpStatusCode.RequestEntityTooLarge, string.Empty,
                () => tooBig.SendAsync(new MeshSendRequest(Receiver, Workflow), new MemoryStream(payload))),
            fits.SendAsync(new MeshSendRequest(Receiver, Workflow), new MemoryStream(payload)));
    }

    [Fact]
    public Task Downloading_an_unknown_message_is_404_code_20() =>
        AssertMeshError(HttpStatusCode.NotFound, "20", () => _mesh.Client(Receiver).DownloadAsync("NOPE"));

    [Fact]
    public Task Acknowledging_an_unknown_message_is_404_code_20() =>
        AssertMeshError(HttpStatusCode.NotFound, "20", () => _mesh.Client(Receiver).AcknowledgeAsync("NOPE"));

    [Fact]
    public Task Head_of_an_unknown_message_is_404() =>
        AssertMeshError(HttpStatusCode.NotFound, string.Empty, () => _mesh.Client(Receiver).GetMetadataAsync("NOPE"));

    [Fact]
    public async Task Downloading_a_chunk_beyond_the_last_is_404_code_20()
    {
        var sent = await SendAsync();
        using var raw = new RawMesh(_mesh.Options(Receiver));

        await AssertMeshError(HttpStatusCode.NotFound, "20", () => raw.GetAsync($"/messageexchange/{Receiver}/inbox/{sent.MessageId}/2"));
    }

    [Fact]
    public async Task Downloading_a_message_addressed_to_another_mailbox_is_403()
    {
        var sent = await SendAsync();

        await AssertMeshError(HttpStatusCode.Forbidden, string.Empty, () => _mesh.Client(Other).DownloadAsync(sent.MessageId));
    }

    [Fact]
    public async Task Downloading_after_acknowledgement_is_410()
    {
        var sent = await SendAsync();
        await _mesh.Client(Receiver).AcknowledgeAsync(sent.MessageId);

        await AssertMeshError(HttpStatusCode.Gone, string.Empty, () => _mesh.Client(Receiver).DownloadAsync(sent.MessageId));
    }

    [Fact]
    public async Task Tracking_an_unknown_or_foreign_message_is_404_not_403()
    {
        var sent = await SendAsync();

        await AssertMeshError(HttpStatusCode.NotFound, string.Empty, () => _mesh.Client(Sender).TrackAsync("NOPE"));
        await AssertMeshError(HttpStatusCode.NotFound, string.Empty, () => _mesh.Client(Other).TrackAsync(sent.MessageId));
    }

    [Fact]
    public Task A_wrong_password_is_403() =>
        AssertMeshError(HttpStatusCode.Forbidden, string.Empty,
            () => _mesh.Client(_mesh.Options(Sender) with { Password = "wrong" }).HandshakeAsync());

    [Fact]
    public Task A_wrong_shared_key_is_403() =>
        AssertMeshError(HttpStatusCode.Forbidden, string.Empty,
            () => _mesh.Client(_mesh.Options(Sender) with { SharedKey = "BackBone" }).ListInboxAsync());

    [Fact]
    public Task An_unknown_mailbox_is_403_code_EPL_151() =>
        AssertMeshError(HttpStatusCode.Forbidden, "EPL-151", () => _mesh.Client("NOBODY1").HandshakeAsync());

    [Fact]
    public async Task Missing_mex_To_is_a_400_validation_error_without_a_mesh_code()
    {
        using var raw = new RawMesh(_mesh.Options(Sender));
        await AssertMeshError(HttpStatusCode.BadRequest, string.Empty, () => raw.SendAsync(null, Workflow, [1]));
    }

    [Fact]
    public async Task A_content_encoding_other_than_gzip_is_422_UnsupportedContentEncoding()
    {
        using var raw = new RawMesh(_mesh.Options(Sender));
        await AssertMeshError((HttpStatusCode)422, "UnsupportedContentEncoding", () => raw.SendAsync(Receiver, Workflow, [1], encoding: "br"));
    }

    [Fact]
    public async Task A_first_chunk_range_other_than_1_of_N_is_417_InvalidHeaderChunks()
    {
        using var raw = new RawMesh(_mesh.Options(Sender));
        await AssertMeshError(HttpStatusCode.ExpectationFailed, "InvalidHeaderChunks", () => raw.SendAsync(Receiver, Workflow, [1], range: "2:1"));
    }

    [Fact]
    public async Task A_body_labelled_gzip_that_is_not_gzip_is_400_UnsupportedContentEncoding()
    {
        using var raw = new RawMesh(_mesh.Options(Sender));
        await AssertMeshError(HttpStatusCode.BadRequest, "UnsupportedContentEncoding", () => raw.SendAsync(Receiver, Workflow, [1, 2, 3], encoding: "gzip"));
    }

    [Fact]
    public async Task A_mex_From_other_than_the_token_mailbox_is_417_code_07()
    {
        using var raw = new RawMesh(_mesh.Options(Sender));
        await AssertMeshError(HttpStatusCode.ExpectationFailed, "07", () => raw.SendAsync(Receiver, Workflow, [1], extra: ("mex-From", Other)));
    }

    [Fact]
    public async Task A_mex_MessageType_other_than_DATA_is_417_code_11()
    {
        using var raw = new RawMesh(_mesh.Options(Sender));
        await AssertMeshError(HttpStatusCode.ExpectationFailed, "11", () => raw.SendAsync(Receiver, Workflow, [1], extra: ("mex-MessageType", "REPORT")));
    }

    [Fact]
    public async Task A_control_character_in_a_mex_header_is_400_code_06()
    {
        using var raw = new RawMesh(_mesh.Options(Sender));
        await AssertMeshError(HttpStatusCode.BadRequest, "06", () => raw.SendAsync(Receiver, Workflow, [1], extra: ("mex-Subject", "a\u0001b")));
    }

    [Fact]
    public async Task Chunk_upload_errors_carry_their_status_and_code()
    {
        using var raw = new RawMesh(_mesh.Options(Sender));
        using var stranger = new RawMesh(_mesh.Options(Receiver));
        var id = await raw.StartUploadAsync(Receiver, Workflow, "1:3", [1, 2, 3]);

        await AssertMeshError(HttpStatusCode.NotAcceptable, "InvalidHeaderChunks", () => raw.SendChunkAsync(id, 4, "4:4", [4]));
        await AssertMeshError(HttpStatusCode.ExpectationFailed, "InvalidHeaderChunks", () => raw.SendChunkAsync(id, 4, "4:3", [4]));
        await AssertMeshError(HttpStatusCode.ExpectationFailed, "InvalidHeaderChunks", () => raw.SendChunkAsync(id, 2, null, [4]));
        await AssertMeshError(HttpStatusCode.ExpectationFailed, string.Empty, () => raw.SendChunkAsync(id, 2, "2:3", Bytes.Gzip([4]), "gzip"));
        await AssertMeshError(HttpStatusCode.Forbidden, string.Empty, () => stranger.SendChunkAsync(id, 2, "2:3", [4]));
        await AssertMeshError(HttpStatusCode.NotFound, string.Empty, () => raw.SendChunkAsync("NOPE", 2, "2:3", [4]));
        Assert.Empty((await _mesh.Client(Receiver).ListInboxAsync()).MessageIds);
        Assert.Equal("uploading", (await _mesh.Client(Sender).TrackAsync(id)).Status);

        await raw.SendChunkAsync(id, 2, "2:3", [4]);
        await raw.SendChunkAsync(id, 3, "3:3", [5]);
        await AssertMeshError(HttpStatusCode.Locked, string.Empty, () => raw.SendChunkAsync(id, 3, "3:3", [5]));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, await Bytes.DownloadAllAsync(_mesh.Client(Receiver), id));
    }
}
