using System.Globalization;
using Itk3.Mesh.Authentication;
using Itk3.Mesh.Http;
using Itk3.Mesh.Models;
using Itk3.Mesh.Transfer;

namespace Itk3.Mesh;

/// <summary>
/// <see cref="IMeshClient"/> over <see cref="HttpClient"/>: one instance per mailbox, safe to share between threads.
/// A <see cref="MeshAuthenticationHandler"/> signs every request with a fresh NHSMESH token.
/// </summary>
public sealed class MeshClient : IMeshClient, IDisposable
{
    private readonly HttpClient _http;
    private readonly MeshConnection _connection;
    private readonly MeshClientOptions _options;
    private readonly string _mailboxId;
    private readonly ChunkUploader _uploader;

    /// <summary>
    /// Creates the client; <paramref name="transport"/> replaces the socket handler (tests, custom stacks), otherwise one
    /// is built from the options (certificate, trust roots, proxy).
    /// </summary>
    public MeshClient(MeshClientOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _mailboxId = options.NormalizedMailboxId;
        var handler = new MeshAuthenticationHandler(options) { InnerHandler = transport ?? MeshTransport.CreateHandler(options) };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = options.RequestTimeout };
        _connection = new MeshConnection(_http, options);
        _uploader = new ChunkUploader(_connection, _mailboxId);
    }

    /// <summary>The mailbox this client acts for (upper case).</summary>
    public string MailboxId => _mailboxId;

    /// <inheritdoc />
    public async Task HandshakeAsync(CancellationToken cancellationToken = default)
    {
        HttpRequestMessage Build()
        {
            var request = _connection.CreateRequest(HttpMethod.Post, MailboxPath(string.Empty));
            MeshClientIdentity.AddHandshakeHeaders(request, _options.ClientVersion);
            return request;
        }

        await _connection.SendForStatusAsync(Build, retryable: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<MeshSendResult> SendAsync(MeshSendRequest request, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(content);
        MeshSendValidator.Validate(request);
        var profile = MeshSendProfile.Find(_options.SendProfiles, request.To, request.WorkflowId);
        var chunked = request.Chunk ?? profile?.Chunk ?? true;
        var chunkSize = chunked ? request.ChunkSize ?? profile?.ChunkSize ?? _options.ChunkSize : int.MaxValue;
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1, nameof(request));
        var resolved = request with { Compress = request.Compress ?? profile?.Compress ?? false, Chunk = chunked };
        return _uploader.SendAsync(resolved, content, chunkSize, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InboxPage> ListInboxAsync(InboxQuery? query = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<string>();
        if (query?.MaxResults is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, InboxQuery.MinPageSize, nameof(query));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(max, InboxQuery.MaxPageSize, nameof(query));
            parameters.Add("max_results=" + max.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(query?.WorkflowFilter))
        {
            parameters.Add("workflow_filter=" + Uri.EscapeDataString(query.WorkflowFilter));
        }

        var path = MailboxPath("/inbox") + (parameters.Count == 0 ? string.Empty : "?" + string.Join('&', parameters));
        return ListAsync(path, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InboxPage> ListInboxNextAsync(string nextLink, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nextLink);
        return ListAsync(InboxLinks.ToPath(nextLink, _connection.BaseUrl, MailboxPath("/inbox")), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<MeshMessageMetadata> GetMetadataAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var path = MessagePath(messageId);
        using var response = await _connection.SendAsync(
            () => _connection.CreateRequest(HttpMethod.Head, path), retryable: true,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return MeshMetadataReader.Read(response, messageId);
    }

    /// <inheritdoc />
    public async Task<MeshDownload> DownloadAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var first = await FetchChunkAsync(messageId, 1, cancellationToken).ConfigureAwait(false);
        var metadata = MeshMetadataReader.Read(first, messageId);
        var stream = new MeshDownloadStream(first, metadata.TotalChunks, (n, ct) => FetchChunkAsync(messageId, n, ct));
        return new MeshDownload(metadata, stream);
    }

    /// <inheritdoc />
    public async Task<MeshDownload> DownloadChunkAsync(string messageId, int chunkNumber, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkNumber, 1);
        var response = await FetchChunkAsync(messageId, chunkNumber, cancellationToken).ConfigureAwait(false);
        var metadata = MeshMetadataReader.Read(response, messageId);
        var stream = new MeshDownloadStream(response, totalChunks: 1, (_, _) => throw new InvalidOperationException("One chunk only."));
        return new MeshDownload(metadata, stream);
    }

    /// <inheritdoc />
    public async Task AcknowledgeAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var path = MessagePath(messageId) + "/status/acknowledged";
        await _connection.SendForStatusAsync(
            () => _connection.CreateRequest(HttpMethod.Put, path), retryable: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TrackingInfo> TrackAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var path = MailboxPath("/outbox/tracking") + "?messageID=" + Uri.EscapeDataString(messageId);
        using var json = await _connection.SendForJsonAsync(
            () => _connection.CreateRequest(HttpMethod.Get, path), retryable: true, cancellationToken).ConfigureAwait(false);
        return MeshJson.ReadTracking(json.RootElement, messageId);
    }

    /// <inheritdoc />
    public async Task<TrackingInfo> TrackByLocalIdAsync(string localId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(localId);
        var path = MailboxPath("/outbox/tracking/") + Uri.EscapeDataString(localId);
        using var json = await _connection.SendForJsonAsync(
            () => _connection.CreateRequest(HttpMethod.Get, path), retryable: true, cancellationToken).ConfigureAwait(false);
        return MeshJson.ReadTracking(json.RootElement, string.Empty);
    }

    /// <inheritdoc />
    public Task<EndpointLookupResult> LookupEndpointAsync(
        string odsCode, string workflowId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(odsCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        var path = $"/messageexchange/endpointlookup/{Uri.EscapeDataString(odsCode.Trim())}/{Uri.EscapeDataString(workflowId.Trim())}";
        return LookupAsync(path, cancellationToken);
    }

    /// <inheritdoc />
    public Task<EndpointLookupResult> SearchWorkflowAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        return LookupAsync($"/messageexchange/workflowsearch/{Uri.EscapeDataString(workflowId.Trim())}", cancellationToken);
    }

    /// <summary>Releases the HTTP client and its handlers.</summary>
    public void Dispose() => _http.Dispose();

    private async Task<InboxPage> ListAsync(string path, CancellationToken cancellationToken)
    {
        using var json = await _connection.SendForJsonAsync(
            () => _connection.CreateRequest(HttpMethod.Get, path), retryable: true, cancellationToken).ConfigureAwait(false);
        return MeshJson.ReadInboxPage(json.RootElement);
    }

    private async Task<EndpointLookupResult> LookupAsync(string path, CancellationToken cancellationToken)
    {
        HttpRequestMessage Build()
        {
            var request = _connection.CreateRequest(HttpMethod.Get, path);
            request.Options.Set(MeshAuthenticationHandler.Anonymous, true);
            return request;
        }

        using var json = await _connection.SendForJsonAsync(Build, retryable: true, cancellationToken).ConfigureAwait(false);
        return MeshJson.ReadLookup(json.RootElement);
    }

    private Task<HttpResponseMessage> FetchChunkAsync(string messageId, int number, CancellationToken cancellationToken)
    {
        var path = MessagePath(messageId) + (number == 1 ? string.Empty : "/" + number.ToString(CultureInfo.InvariantCulture));
        HttpRequestMessage Build()
        {
            var request = _connection.CreateRequest(HttpMethod.Get, path);
            if (_options.AcceptGzip)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            }

            return request;
        }

        return _connection.SendAsync(Build, retryable: true, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private string MailboxPath(string suffix) => $"/messageexchange/{_mailboxId}{suffix}";

    private string MessagePath(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return MailboxPath("/inbox/" + Uri.EscapeDataString(messageId.Trim()));
    }
}
