using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Itk3.Mesh.Authentication;

namespace Itk3.Mesh.Server.Tests.Support;

/// <summary>Raw HTTP against a running server, with a fresh NHSMESH token per request.</summary>
public sealed class MeshTestClient(HttpClient http, TimeProvider time) : IDisposable
{
    public const string V2 = "application/vnd.mesh.v2+json";
    // Shared by every client in the process: a server restarted on the same data directory remembers used tokens.
    private static int s_nonce;

    public HttpClient Http => http;

    public string NextNonce() => $"00000000-0000-4000-8000-{Interlocked.Increment(ref s_nonce):D12}";

    public string Token(string mailbox, string password = TestConfig.Password, string key = TestConfig.SharedKey, DateTimeOffset? at = null) =>
        MeshToken.Create(mailbox, password, key, NextNonce(), 0, at ?? time.GetUtcNow()).ToString();

    public HttpRequestMessage Request(HttpMethod method, string path, string? mailbox, string? accept = V2)
    {
        var request = new HttpRequestMessage(method, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (mailbox is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Token(mailbox));
        }

        return request;
    }

    public HttpRequestMessage SendRequest(string from, string to, string workflow, byte[] body, string? accept = V2)
    {
        var request = Request(HttpMethod.Post, $"/messageexchange/{from}/outbox", from, accept);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        request.Headers.Add("mex-To", to);
        request.Headers.Add("mex-WorkflowID", workflow);
        return request;
    }

    public async Task<string> SendAsync(string from, string to, string workflow, string body = "{\"resourceType\":\"Bundle\"}", Action<HttpRequestMessage>? tweak = null)
    {
        using var request = SendRequest(from, to, workflow, Encoding.UTF8.GetBytes(body));
        tweak?.Invoke(request);
        using var response = await http.SendAsync(request);
        Assert.Equal(202, (int)response.StatusCode);
        return Json(await response.Content.ReadAsStringAsync()).GetProperty("message_id").GetString()!;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string mailbox, string? accept = V2)
    {
        using var request = Request(HttpMethod.Get, path, mailbox, accept);
        return await http.SendAsync(request);
    }

    public async Task<List<string>> InboxAsync(string mailbox, string query = "")
    {
        using var response = await GetAsync($"/messageexchange/{mailbox}/inbox{query}", mailbox);
        Assert.Equal(200, (int)response.StatusCode);
        var json = Json(await response.Content.ReadAsStringAsync());
        return json.GetProperty("messages").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public async Task<HttpResponseMessage> AcknowledgeAsync(string mailbox, string id, string? accept = V2)
    {
        using var request = Request(HttpMethod.Put, $"/messageexchange/{mailbox}/inbox/{id}/status/acknowledged", mailbox, accept);
        return await http.SendAsync(request);
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

    public void Dispose() => http.Dispose();
}
