using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Itk3.Gateway.Api.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class RawSubmissionTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const string Query = "api/v1/transactions/fhir?flow=TOC_FHIR_IP_DISCH&recipientKind=Mailbox&recipient=X26GP001";

    [Fact]
    public async Task Raw_FHIR_JSON_body_is_submitted_like_the_base64_form()
    {
        var response = await nodes.Hospital.Client.PostAsync(Query + "&transactionId=raw-0001&senderReference=ref-1", Fhir(nodes.NextDocument(), "application/fhir+json"));

        var view = await Json.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal("raw-0001", view.GetProperty("transaction").GetProperty("id").GetString());
        Assert.Equal("/api/v1/transactions/raw-0001", response.Headers.Location?.OriginalString);
        var sent = await nodes.Hospital.Client.GetAsync("api/v1/transactions/raw-0001/payload");
        Assert.Equal("application/fhir+json", sent.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Raw_body_with_another_media_type_is_unsupported_media_type()
    {
        var response = await nodes.Hospital.Client.PostAsync(Query, Fhir(nodes.NextDocument(), "text/plain"));

        await Json.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Raw_XML_that_is_not_well_formed_is_payload_unreadable_with_located_issues()
    {
        var broken = Encoding.UTF8.GetBytes("<Bundle xmlns=\"http://hl7.org/fhir\">\n  <type value=\"document\">\n</Bundle>");

        var problem = await Json.ProblemAsync(await nodes.Hospital.Client.PostAsync(Query, Fhir(broken, "application/fhir+xml")), HttpStatusCode.BadRequest, "payload-unreadable");

        Assert.Contains(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("line").GetInt32() == 3);
    }

    [Theory]
    [InlineData("api/v1/transactions/fhir?flow=TOC_FHIR_IP_DISCH&recipient=X26GP001")]
    [InlineData("api/v1/transactions/fhir?flow=TOC_FHIR_IP_DISCH&recipientKind=Pigeon&recipient=X26GP001")]
    public async Task Raw_submission_without_a_valid_recipient_kind_is_invalid_request(string path)
    {
        await Json.ProblemAsync(await nodes.Hospital.Client.PostAsync(path, Fhir(nodes.NextDocument(), "application/fhir+json")), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task A_raw_body_is_read_only_when_the_nodes_byte_budget_has_room_for_it()
    {
        var budget = nodes.Hospital.Host.Node.Services.BytesInFlight;
        var held = await nodes.Hospital.Host.Application.ReserveBytesAsync(long.MaxValue, CancellationToken.None);
        Task<HttpResponseMessage> submitting;
        try
        {
            submitting = nodes.Hospital.Client.PostAsync(Query + "&transactionId=raw-budget-0001", Fhir(nodes.NextDocument(), "application/fhir+json"));
            for (var i = 0; i < 400 && budget.Waiting == 0; i++)
            {
                await Task.Delay(25);
            }

            Assert.True(budget.Waiting > 0, "the submission did not wait for the budget");
            Assert.False(submitting.IsCompleted);
        }
        finally
        {
            held.Dispose();
        }

        await Json.ReadAsync(await submitting, HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_JSON_submission_body_is_read_only_when_the_nodes_byte_budget_has_room_for_it()
    {
        var budget = nodes.Hospital.Host.Node.Services.BytesInFlight;
        var held = await nodes.Hospital.Host.Application.ReserveBytesAsync(long.MaxValue, CancellationToken.None);
        Task<HttpResponseMessage> submitting;
        try
        {
            // Not even valid JSON: it is answered only once the body is read, which must wait for the budget.
            submitting = nodes.Hospital.Client.PostAsync("api/v1/transactions", new StringContent("{\"flow\":", Encoding.UTF8, "application/json"));
            for (var i = 0; i < 400 && budget.Waiting == 0; i++)
            {
                await Task.Delay(25);
            }

            Assert.True(budget.Waiting > 0, "the submission did not wait for the budget");
            Assert.False(submitting.IsCompleted);
        }
        finally
        {
            held.Dispose();
        }

        await Json.ProblemAsync(await submitting, HttpStatusCode.BadRequest, "invalid-request");
    }

    private static ByteArrayContent Fhir(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }
}
