using System.Net;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class AuthenticationTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Theory]
    [InlineData("api/v1/transactions")]
    [InlineData("api/v1/messages")]
    [InlineData("api/v1/health")]
    [InlineData("api/v1/no-such-route")]
    public async Task Refuses_api_calls_without_a_key_with_api_key_missing(string path)
    {
        var response = await nodes.Hospital.Anonymous.GetAsync(path);

        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized, "api-key-missing");
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("test-key-0f3a9")]
    [InlineData("sha256:5f0c")]
    public async Task Refuses_an_unknown_key_with_api_key_invalid(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/transactions");
        request.Headers.Add("X-Api-Key", key);

        var response = await nodes.Hospital.Anonymous.SendAsync(request);

        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized, "api-key-invalid");
    }

    [Fact]
    public async Task Refuses_a_submission_without_a_key_before_reading_its_body()
    {
        var response = await Json.SubmitAsync(nodes.Hospital.Anonymous, nodes.NextDocument());

        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized, "api-key-missing");
        var list = await Json.GetAsync(nodes.Hospital.Client, "api/v1/transactions");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Accepts_a_plain_configured_key_and_a_key_configured_by_its_hash()
    {
        using var plain = new HttpRequestMessage(HttpMethod.Get, "api/v1/messages");
        plain.Headers.Add("X-Api-Key", "another-key");

        Assert.Equal(HttpStatusCode.OK, (await nodes.Hospital.Anonymous.SendAsync(plain)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.Hospital.Client.GetAsync("api/v1/messages")).StatusCode);
    }

    [Fact]
    public async Task Liveness_and_the_OpenAPI_document_need_no_key()
    {
        var health = await Json.GetAsync(nodes.Hospital.Anonymous, "health");

        Assert.Equal("alive", health.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await nodes.Hospital.Anonymous.GetAsync("openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Unknown_route_with_a_valid_key_is_route_not_found()
    {
        var response = await nodes.Hospital.Client.GetAsync("api/v1/no-such-route");

        await Json.ProblemAsync(response, HttpStatusCode.NotFound, "route-not-found");
    }

    [Fact]
    public async Task Wrong_method_is_method_not_allowed()
    {
        var response = await nodes.Hospital.Client.DeleteAsync("api/v1/transactions");

        await Json.ProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }
}
