using System.Net;
using System.Net.Http.Json;
using System.Text;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class BadInputTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private HttpClient Client => nodes.Hospital.Client;

    [Fact]
    public async Task Unreadable_FHIR_payload_is_refused_with_located_issues()
    {
        var broken = Encoding.UTF8.GetBytes("{\"resourceType\":\"Bundle\",\n \"type\": \"document\",\n \"entry\": [ }");

        var problem = await Json.ProblemAsync(await Json.SubmitAsync(Client, broken), HttpStatusCode.BadRequest, "payload-unreadable");

        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() is "fatal" or "error");
        Assert.Equal(3, issue.GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrEmpty(issue.GetProperty("code").GetString()));
        Assert.Equal(["code", "severity", "type", "location", "line", "column", "message"], Json.Names(issue));
    }

    [Fact]
    public async Task Payload_that_is_neither_JSON_nor_XML_is_payload_unreadable()
    {
        await Json.ProblemAsync(await Json.SubmitAsync(Client, Encoding.UTF8.GetBytes("hello")), HttpStatusCode.BadRequest, "payload-unreadable");
    }

    [Fact]
    public async Task Payload_that_is_not_base64_is_invalid_request()
    {
        var response = await Client.PostAsJsonAsync("api/v1/transactions", new { flow = TwoNodes.Flow, recipientKind = "Mailbox", recipient = "X26GP001", payload = "***" });

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-request");
    }

    [Theory]
    [InlineData("{\"flow\":\"TOC_FHIR_IP_DISCH\",\"recipient\":\"X26GP001\",\"payload\":\"e30=\"}")]
    [InlineData("{\"flow\":\"TOC_FHIR_IP_DISCH\",\"recipientKind\":\"Pigeon\",\"recipient\":\"X26GP001\",\"payload\":\"e30=\"}")]
    [InlineData("{\"flow\":")]
    [InlineData("")]
    [InlineData("{\"flow\":\"TOC_FHIR_IP_DISCH\",\"recipientKind\":\"Mailbox\",\"recipient\":\"X26GP001\",\"payload\":\"e30=\",\"format\":\"csv\"}")]
    public async Task Malformed_submission_body_is_invalid_request(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        await Json.ProblemAsync(await Client.PostAsync("api/v1/transactions", content), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task A_submission_body_of_the_wrong_shape_is_refused_with_the_JSON_path_and_line_at_fault()
    {
        using var content = new StringContent("{\n  \"recipient\": \"X26GP001\",\n  \"flow\": 5\n}", Encoding.UTF8, "application/json");

        var problem = await Json.ProblemAsync(await Client.PostAsync("api/v1/transactions", content), HttpStatusCode.BadRequest, "invalid-request");

        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("$.flow", detail, StringComparison.Ordinal);
        Assert.Contains("(line 3,", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_that_is_not_JSON_is_unsupported_media_type()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "text/plain");

        await Json.ProblemAsync(await Client.PostAsync("api/v1/transactions", content), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Unknown_flow_empty_recipient_and_unresolvable_ODS_code_have_their_codes()
    {
        await Json.ProblemAsync(await Json.SubmitAsync(Client, nodes.NextDocument(), flow: "NO_SUCH_FLOW"), HttpStatusCode.BadRequest, "unknown-flow");
        await Json.ProblemAsync(await Json.SubmitAsync(Client, nodes.NextDocument(), recipient: " "), HttpStatusCode.BadRequest, "invalid-recipient");
        await Json.ProblemAsync(await Json.SubmitAsync(Client, nodes.NextDocument(), recipient: "Z99999", kind: "Ods"), HttpStatusCode.UnprocessableEntity, "recipient-not-found");
    }

    [Fact]
    public async Task Body_over_the_size_limit_is_request_too_large()
    {
        var response = await Json.SubmitAsync(Client, new byte[900 * 1024]);

        await Json.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    [Fact]
    public async Task Chunked_body_over_the_size_limit_is_refused()
    {
        var json = "{\"flow\":\"TOC_FHIR_IP_DISCH\",\"recipientKind\":\"Mailbox\",\"recipient\":\"X26GP001\",\"payload\":\"" + new string('A', 1200 * 1024) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/transactions") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await Json.ProblemAsync(await Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    [Theory]
    [InlineData("api/v1/transactions?state=Bogus")]
    [InlineData("api/v1/transactions?pageSize=0")]
    [InlineData("api/v1/transactions?pageSize=201")]
    [InlineData("api/v1/transactions?page=0")]
    [InlineData("api/v1/transactions?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("api/v1/transactions?from=yesterday")]
    [InlineData("api/v1/messages?needsAttention=perhaps")]
    public async Task Bad_list_query_is_invalid_request(string path)
    {
        await Json.ProblemAsync(await Client.GetAsync(path), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Theory]
    [InlineData("api/v1/transactions/no-such-id", "transaction-not-found")]
    [InlineData("api/v1/transactions/no-such-id/payload", "transaction-not-found")]
    [InlineData("api/v1/messages/NOSUCHMESSAGE", "message-not-found")]
    [InlineData("api/v1/messages/NOSUCHMESSAGE/payload", "message-not-found")]
    public async Task Unknown_ids_are_not_found_with_the_resource_code(string path, string code)
    {
        await Json.ProblemAsync(await Client.GetAsync(path), HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task Outcome_and_ack_for_unknown_ids_are_not_found()
    {
        await Json.ProblemAsync(await Client.PostAsJsonAsync("api/v1/messages/NOSUCHMESSAGE/outcome", new { code = "30001" }), HttpStatusCode.NotFound, "message-not-found");
        await Json.ProblemAsync(await Client.PostAsync("api/v1/deliveries/no-such-delivery/ack", null), HttpStatusCode.NotFound, "delivery-not-found");
    }

    [Theory]
    [InlineData("api/v1/deliveries/next?max=0")]
    [InlineData("api/v1/deliveries/next?max=101")]
    public async Task Bad_claim_size_is_invalid_request(string path)
    {
        await Json.ProblemAsync(await Client.PostAsync(path, null), HttpStatusCode.BadRequest, "invalid-request");
    }
}
