using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests.Support;

/// <summary>Small helpers to call the API and read its JSON and problem details.</summary>
internal static class Json
{
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, byte[] payload, string recipient = TwoNodes.GpMailbox, string kind = "Mailbox", string flow = TwoNodes.Flow, string? transactionId = null) =>
        client.PostAsJsonAsync("api/v1/transactions", new { flow, recipientKind = kind, recipient, payload = Convert.ToBase64String(payload), transactionId });

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 problem with the status and stable code; returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string code)
    {
        var problem = await ReadAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(problem.TryGetProperty("exception", out _));
        return problem;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        await ReadAsync(await client.GetAsync(path), HttpStatusCode.OK);

    public static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
