using Itk3.Mesh.Authentication;
using Itk3.Mesh.Http;

namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>
/// Hand-made requests the client itself never sends (broken chunk ranges, foreign encodings), signed by the client's
/// token handler and sent through the client's connection, so the server's error bodies go through the client's parser.
/// </summary>
public sealed class RawMesh : IDisposable
{
    private readonly HttpClient _http;
    private readonly MeshConnection _connection;

    public RawMesh(MeshClientOptions options)
    {
        _http = new HttpClient(new MeshAuthenticationHandler(options) { InnerHandler = new SocketsHttpHandler() });
        _connection = new MeshConnection(_http, options);
        Mailbox = options.NormalizedMailboxId;
    }

    public string Mailbox { get; }

    public async Task<string> StartUploadAsync(string to, string workflow, string range, byte[] body, string? encoding = null)
    {
        using var json = await _connection.SendForJsonAsync(
            () => Post($"/messageexchange/{Mailbox}/outbox", body, encoding, range, to, workflow), retryable: false, CancellationToken.None);
        return json.RootElement.GetProperty("message_id").GetString()!;
    }

    public Task SendChunkAsync(string messageId, int n, string? range, byte[] body, string? encoding = null) =>
        _connection.SendForStatusAsync(
            () => Post($"/messageexchange/{Mailbox}/outbox/{messageId}/{n}", body, encoding, range), retryable: false, CancellationToken.None);

    public Task SendAsync(
        string? to, string? workflow, byte[] body, string? encoding = null, string? range = null, params (string Name, string Value)[] extra) =>
        _connection.SendForStatusAsync(
            () =>
            {
                var request = Post($"/messageexchange/{Mailbox}/outbox", body, encoding, range, to, workflow);
                foreach (var (name, value) in extra)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                return request;
            },
            retryable: false,
            CancellationToken.None);

    public Task GetAsync(string path) =>
        _connection.SendForStatusAsync(() => _connection.CreateRequest(HttpMethod.Get, path), retryable: false, CancellationToken.None);

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Post(string path, byte[] body, string? encoding, string? range, string? to = null, string? workflow = null)
    {
        var request = _connection.CreateRequest(HttpMethod.Post, path);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/octet-stream");
        if (encoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(encoding);
        }

        foreach (var (name, value) in new[] { (MeshHeaders.ChunkRange, range), (MeshHeaders.To, to), (MeshHeaders.WorkflowId, workflow) })
        {
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }
}
