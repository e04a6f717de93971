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

    private NodeApiClient(Uri baseAddress, string key)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", key);
    }

    /// <summary>The <c>--api-url</c> option.</summary>
    public static Option<string?> UrlOption() => new("--api-url") { Description = "The node's API address (default: apiUrl of --config, else http://127.0.0.1:5080)." };

    /// <summary>The <c>--api-key</c> option.</summary>
    public static Option<string?> KeyOption() => new("--api-key") { Description = $"An API key of the node (read scope to list, operate to act); default: the {KeyVariable} environment variable." };

    /// <summary>A client for the parsed options, or an error text naming what is missing.</summary>
    public static (NodeApiClient? Client, string? Error) Create(ParseResult parse, Option<string?> url, Option<string?> key, Option<FileInfo?> config)
    {
        var apiKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return (null, $"an API key is required: --api-key or {KeyVariable}");
        }

        var address = parse.GetValue(url) ?? GatewayConfigOption.Read(parse.GetValue(config)).ApiUrl;
        return Uri.TryCreate(address.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? (new NodeApiClient(uri, apiKey), null)
            : (null, $"--api-url: '{address}' is not an http(s) URL");
    }

    /// <summary>GETs a JSON document; the problem's code and detail on failure.</summary>
    public Task<(JsonElement? Body, string? Error)> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => _http.GetAsync(path, cancellationToken), cancellationToken);

    /// <summary>POSTs a JSON body; the answer's JSON (or null for 204), or the problem's code and detail.</summary>
    public Task<(JsonElement? Body, string? Error)> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(() => _http.PostAsJsonAsync(path, body, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<(JsonElement? Body, string? Error)> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send().ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var json = text.Length == 0 ? (JsonElement?)null : JsonDocument.Parse(text).RootElement.Clone();
            if (response.IsSuccessStatusCode)
            {
                return (json, null);
            }

            var code = json?.TryGetProperty("code", out var c) == true ? c.GetString() : null;
            var detail = json?.TryGetProperty("detail", out var d) == true ? d.GetString() : null;
            return (null, $"{(int)response.StatusCode} {code ?? response.ReasonPhrase}: {detail}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (null, $"no node answered at {_http.BaseAddress} ({e.Message}); is `itk3 serve` running?");
        }
    }
}
