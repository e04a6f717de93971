using System.Net;
using System.Text.Json;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Retry;

namespace Itk3.Mesh.Http;

/// <summary>
/// The HTTP plumbing shared by every MESH call: URL building under the base URL, the single Accept value, the
/// User-Agent, retries for calls marked idempotent, and error bodies turned into <see cref="MeshApiException"/>.
/// </summary>
internal sealed class MeshConnection
{
    private const int MaxErrorBody = 64 * 1024;
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly string _userAgent;
    private readonly RetryExecutor _retry;
    private readonly string _accept;

    public MeshConnection(HttpClient http, MeshClientOptions options)
    {
        _http = http;
        _baseUrl = options.BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _userAgent = MeshClientIdentity.UserAgent(options.ClientVersion);
        _retry = new RetryExecutor(options.Retry, options.TimeProvider);
        _accept = options.ApiVersion == 1 ? MeshHeaders.AcceptV1 : MeshHeaders.AcceptV2;
    }

    /// <summary>The base URL without a trailing slash.</summary>
    public string BaseUrl => _baseUrl;

    /// <summary>A request for <paramref name="path"/> (starting with /) carrying exactly one Accept value.</summary>
    public HttpRequestMessage CreateRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(_baseUrl + path, UriKind.Absolute))
        {
            Version = HttpVersion.Version11,
        };
        request.Headers.TryAddWithoutValidation("Accept", _accept);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        return request;
    }

    /// <summary>
    /// Sends a request built by <paramref name="build"/> (called again for each retry) and returns the successful
    /// response; a non-success status throws <see cref="MeshApiException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> build, bool retryable, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var response = await _retry.ExecuteAsync(
            async ct =>
            {
                using var request = build();
                return await _http.SendAsync(request, completion, ct).ConfigureAwait(false);
            },
            retryable,
            cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends and parses a JSON object body (an empty body is an empty object); anything else is a typed error.</summary>
    public async Task<JsonDocument> SendForJsonAsync(
        Func<HttpRequestMessage> build, bool retryable, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(build, retryable, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
        }
        catch (JsonException)
        {
            // Not JSON at all: reported below, like JSON that is not an object.
        }

        if (document?.RootElement.ValueKind == JsonValueKind.Object)
        {
            return document;
        }

        document?.Dispose();
        throw new MeshApiException(response.StatusCode, new MeshError(
            MeshClientErrorCodes.InvalidResponse, string.Empty, "Response body is not a JSON object", null));
    }

    /// <summary>Sends and discards the body (handshake, acknowledge, chunk upload).</summary>
    public async Task<HttpStatusCode> SendForStatusAsync(
        Func<HttpRequestMessage> build, bool retryable, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(build, retryable, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        return response.StatusCode;
    }

    private static async Task<MeshApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[MaxErrorBody];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        return new MeshApiException(response.StatusCode, MeshErrorParser.Parse(buffer.AsSpan(0, read)));
    }
}
