using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>The tool's calls to a node's HTTP API (submit, report an outcome, list transactions); every call may fail while the node is down.</summary>
/// <remarks>With several instances the calls go round-robin, and a call an instance does not answer goes to the next, as a load balancer would.</remarks>
internal sealed class NodeApi(IReadOnlyList<Uri> baseUrls, string apiKey, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient[] _instances = [.. baseUrls.Select(url => new HttpClient { BaseAddress = url, Timeout = timeout ?? TimeSpan.FromSeconds(30) })];
    private int _next;

    /// <summary>Submits a raw FHIR payload under a caller-chosen transaction id; true when the node accepted it (202, or 200/202 for a repeat).</summary>
    public async Task<bool> SubmitAsync(string transactionId, byte[] payload, string recipientKind, string recipient, CancellationToken cancellationToken)
    {
        var query = $"/api/v1/transactions/fhir?flow={NodeSpec.Flow}&recipientKind={recipientKind}&recipient={recipient}&transactionId={Uri.EscapeDataString(transactionId)}";
        using var response = await SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post, query);
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
                return request;
            },
            cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Reports business outcome 30001 for a received message; true when the node took it (now or earlier).</summary>
    public async Task<bool> ReportOutcomeAsync(string meshMessageId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post, $"/api/v1/messages/{Uri.EscapeDataString(meshMessageId)}/outcome");
                request.Content = new StringContent("""{"code":"30001"}""", Encoding.UTF8, "application/json");
                return request;
            },
            cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict;
    }

    /// <summary>Every transaction's id and state.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TransactionStatesAsync(CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var path = $"/api/v1/transactions?pageSize=200&page={page.ToString(CultureInfo.InvariantCulture)}";
            using var response = await SendAsync(() => Request(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
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

    /// <summary>Whether every instance of the node answers <c>GET /health</c>.</summary>
    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        foreach (var instance in _instances)
        {
            try
            {
                using var response = await instance.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var tried = 1; ; tried++)
        {
            var instance = _instances[(int)((uint)Interlocked.Increment(ref _next) % _instances.Length)];
            using var message = request();
            try
            {
                return await instance.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (tried < _instances.Length)
            {
            }
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }
}
