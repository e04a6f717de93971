using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>The tool's calls to a node's HTTP API (submit, report an outcome, list transactions); every call may fail while the node is down.</summary>
internal sealed class NodeApi(Uri baseUrl, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Submits a raw FHIR payload under a caller-chosen transaction id; true when the node accepted it (202, or 200/202 for a repeat).</summary>
    public async Task<bool> SubmitAsync(string transactionId, byte[] payload, string recipientKind, string recipient, CancellationToken cancellationToken)
    {
        var query = $"/api/v1/transactions/fhir?flow={NodeSpec.Flow}&recipientKind={recipientKind}&recipient={recipient}&transactionId={Uri.EscapeDataString(transactionId)}";
        using var request = Request(HttpMethod.Post, query);
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Reports business outcome 30001 for a received message; true when the node took it (now or earlier).</summary>
    public async Task<bool> ReportOutcomeAsync(string meshMessageId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"/api/v1/messages/{Uri.EscapeDataString(meshMessageId)}/outcome");
        request.Content = new StringContent("""{"code":"30001"}""", Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict;
    }

    /// <summary>Every transaction's id and state.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TransactionStatesAsync(CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            using var request = Request(HttpMethod.Get, $"/api/v1/transactions?pageSize=200&page={page.ToString(CultureInfo.InvariantCulture)}");
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            var items = json.RootElement.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                states[item.GetProperty("id").GetString()!] = item.GetProperty("state").GetString()!;
            }

            if (items.GetArrayLength() < 200)
            {
                return states;
            }
        }
    }

    /// <summary>Whether the node answers <c>GET /health</c>.</summary>
    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }
}
