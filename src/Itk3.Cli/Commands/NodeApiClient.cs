using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;

namespace Itk3.Cli.Commands;

/// <summary>Calls a running node's HTTP API for the operator commands: <c>--api-url</c> (config <c>apiUrl</c> by default) and <c>--api-key</c> (or ITK3_API_KEY).</summary>
internal sealed class NodeApiClient : IDisposable
{
    /// <summary>The environment variable read when <c>--api-key</c> is absent (keeps the key out of shell history).</summary>
    public const string KeyVariable = "ITK3_API_KEY";

    private readonly HttpClient _http;

    private NodeApiClient(Uri baseAddress, string key, TimeSpan timeout)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout };
        _http.DefaultRequestHeaders.Add("X-Api-Key", key);
    }

    /// <summary>The node's API address the client calls.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>How long one call may take before the client gives up.</summary>
    public TimeSpan Timeout => _http.Timeout;

    /// <summary>The <c>--api-url</c> option.</summary>
    public static Option<string?> UrlOption() => new("--api-url") { Description = "The node's API address (default: apiUrl of --config, else http://127.0.0.1:5080)." };

    /// <summary>The <c>--api-key</c> option.</summary>
    public static Option<string?> KeyOption() => new("--api-key") { Description = $"An API key of the node (read scope to list, operate to act); default: the {KeyVariable} environment variable." };

    /// <summary>A client for the parsed options, or an error text naming what is missing.</summary>
    public static (NodeApiClient? Client, string? Error) Create(ParseResult parse, Option<string?> url, Option<string?> key, Option<FileInfo?> config, TimeSpan? timeout = null)
    {
        var apiKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return (null, $"an API key is required: --api-key or {KeyVariable}");
        }

        var address = parse.GetValue(url) ?? GatewayConfigOption.Read(parse.GetValue(config)).ApiUrl;
        return Uri.TryCreate(address.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? (new NodeApiClient(uri, apiKey, timeout ?? TimeSpan.FromSeconds(30)), null)
            : (null, $"--api-url: '{address}' is not an http(s) URL");
    }

    /// <summary>GETs a JSON document; the problem's code and detail on failure.</summary>
    public Task<(JsonElement? Body, string? Error)> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => _http.GetAsync(path, cancellationToken), cancellationToken);

    /// <summary>POSTs a JSON body; the answer's JSON (or null for 204), or the problem's code and detail.</summary>
    public Task<(JsonElement? Body, string? Error)> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(() => _http.PostAsJsonAsync(path, body, cancellationToken), cancellationToken);

    /// <summary>POSTs <paramref name="content"/>; the node's answer (any status, with its JSON), or null and why no node answered.</summary>
    public Task<(NodeAnswer? Answer, string? Unanswered)> PostContentAsync(string path, HttpContent content, CancellationToken cancellationToken) =>
        ExchangeAsync(() => _http.PostAsync(path, content, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<(JsonElement? Body, string? Error)> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var (answer, unanswered) = await ExchangeAsync(send, cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            null => (null, unanswered),
            { IsSuccess: true } => (answer.Body, null),
            _ => (null, $"{answer.Status} {answer.Code ?? answer.Reason}: {answer.Detail}"),
        };
    }

    private async Task<(NodeAnswer? Answer, string? Unanswered)> ExchangeAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send().ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var json = text.Length == 0 ? (JsonElement?)null : JsonDocument.Parse(text).RootElement.Clone();
            return (new NodeAnswer((int)response.StatusCode, response.ReasonPhrase, json), null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"the node at {_http.BaseAddress} did not answer within {_http.Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return (null, $"no node answered at {_http.BaseAddress} ({e.Message}); start one with `itk3 serve` (same --config), or point --api-url at a running node");
        }
    }
}

/// <summary>What a node answered: the HTTP status and its JSON body (a problem details document on failure).</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Reason">The HTTP reason phrase.</param>
/// <param name="Body">The JSON body, if any.</param>
internal sealed record NodeAnswer(int Status, string? Reason, JsonElement? Body)
{
    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The problem's stable <c>code</c>, if any.</summary>
    public string? Code => Text("code");

    /// <summary>The problem's <c>detail</c>, if any.</summary>
    public string? Detail => Text("detail");

    /// <summary>A string member of the body, or null.</summary>
    public string? Text(string name) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
