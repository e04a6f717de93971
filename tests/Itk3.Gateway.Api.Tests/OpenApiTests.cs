using System.Text.Json;
using System.Text.Json.Nodes;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Itk3.Gateway.Api.Tests;

public sealed class OpenApiTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    /// <summary>Set to 1 to rewrite docs/openapi.json from the served document (then review the diff).</summary>
    private const string UpdateSwitch = "ITK3_UPDATE_OPENAPI";

    [Fact]
    public async Task Served_document_equals_the_committed_docs_openapi_json()
    {
        var served = JsonNode.Parse(await nodes.Hospital.Anonymous.GetStringAsync("openapi/v1.json"))!;
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateSwitch) == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(JsonNode.DeepEquals(served, committed), $"docs/openapi.json differs from the served document; run the tests with {UpdateSwitch}=1 and review the diff");
    }

    [Fact]
    public async Task Every_route_is_documented_with_its_responses_and_the_api_key_scheme()
    {
        var document = JsonNode.Parse(await nodes.Hospital.Anonymous.GetStringAsync("openapi/v1.json"))!;
        var routes = MappedRoutes();
        Assert.True(routes.Count >= 12, $"only {routes.Count} routes mapped");

        foreach (var (method, pattern) in routes)
        {
            var operation = document["paths"]?[pattern]?[method.ToLowerInvariant()];
            Assert.True(operation is not null, $"{method} {pattern} is not documented");
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.True(response?["content"]?["application/problem+json"] is not null, $"{method} {pattern} {status} is not problem details");
            }

            var secured = operation["security"]?.AsArray().Any(s => s?["ApiKey"] is not null) == true;
            Assert.Equal(pattern.StartsWith("/api/", StringComparison.Ordinal), secured);
            Assert.Equal(secured, responses.ContainsKey("401"));
        }

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enums_are_documented_as_strings()
    {
        var document = JsonNode.Parse(await nodes.Hospital.Anonymous.GetStringAsync("openapi/v1.json"))!;
        var state = document["components"]!["schemas"]!["TransactionState"]!;

        Assert.Contains("Complete", state["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    private List<(string Method, string Pattern)> MappedRoutes()
    {
        var sources = nodes.Hospital.Api.Services.GetRequiredService<EndpointDataSource>();
        return [.. sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != GatewayApiApplication.OpenApiRoute && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (m, Normalize(e.RoutePattern.RawText!))))];
    }

    // A group's "" route keeps the group's trailing slash in its raw pattern; OpenAPI paths do not.
    private static string Normalize(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Itk3.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("no Itk3.slnx above the test folder");
    }
}
