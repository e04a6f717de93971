using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class ExchangeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Submitted_transaction_is_visible_with_its_timeline_and_camel_case_string_enum_shape()
    {
        var response = await Json.SubmitAsync(nodes.Hospital.Client, nodes.NextDocument());

        var view = await Json.ReadAsync(response, HttpStatusCode.Accepted);
        var id = view.GetProperty("transaction").GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/transactions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["transaction", "timeline", "responses"], Json.Names(view));
        var fetched = await Json.GetAsync(nodes.Hospital.Client, $"api/v1/transactions/{id}");
        var transaction = fetched.GetProperty("transaction");
        Assert.Equal(JsonValueKind.String, transaction.GetProperty("state").ValueKind);
        Assert.Equal("Mailbox", transaction.GetProperty("recipientKind").GetString());
        Assert.Equal(TwoNodes.Flow, transaction.GetProperty("flow").GetString());
        Assert.Equal("Created", fetched.GetProperty("timeline")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Same_transaction_id_submitted_twice_is_one_transaction()
    {
        var document = nodes.NextDocument();
        var first = await Json.ReadAsync(await Json.SubmitAsync(nodes.Hospital.Client, document, transactionId: "app-ref-0001"), HttpStatusCode.Accepted);
        var second = await Json.ReadAsync(await Json.SubmitAsync(nodes.Hospital.Client, document, transactionId: "app-ref-0001"), HttpStatusCode.Accepted);

        Assert.Equal("app-ref-0001", first.GetProperty("transaction").GetProperty("id").GetString());
        Assert.Equal("app-ref-0001", second.GetProperty("transaction").GetProperty("id").GetString());
        var created = await Json.GetAsync(nodes.Hospital.Client, "api/v1/transactions/app-ref-0001");
        Assert.Single(created.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Created");
    }

    [Fact]
    public async Task Payload_is_pulled_acknowledged_answered_and_the_sender_sees_the_business_response()
    {
        var submitted = await Json.ReadAsync(await Json.SubmitAsync(nodes.Hospital.Client, nodes.NextDocument()), HttpStatusCode.Accepted);
        var id = submitted.GetProperty("transaction").GetProperty("id").GetString()!;
        var sent = await nodes.Hospital.Client.GetByteArrayAsync($"api/v1/transactions/{id}/payload");

        var delivery = await PullAsync(sent);
        var meshId = delivery.GetProperty("meshMessageId").GetString()!;
        var received = await nodes.Gp.Client.GetAsync($"api/v1/messages/{meshId}/payload");
        Assert.Equal("application/fhir+json", received.Content.Headers.ContentType?.MediaType);
        Assert.Equal(sent, await received.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await nodes.Gp.Client.PostAsync($"api/v1/deliveries/{delivery.GetProperty("deliveryId").GetString()}/ack", null)).StatusCode);
        var message = await Json.GetAsync(nodes.Gp.Client, $"api/v1/messages/{meshId}");
        Assert.True(message.GetProperty("awaitingOutcome").GetBoolean());
        Assert.Equal("20013", message.GetProperty("itkCode").GetString());

        var outcome = await nodes.Gp.Client.PostAsJsonAsync($"api/v1/messages/{meshId}/outcome", new { code = "30001" });
        var receipt = await Json.ReadAsync(outcome, HttpStatusCode.Accepted);
        Assert.False(receipt.GetProperty("alreadyReported").GetBoolean());

        var done = await Eventually.GetAsync(
            () => Json.GetAsync(nodes.Hospital.Client, $"api/v1/transactions/{id}"),
            t => t.GetProperty("transaction").GetProperty("state").GetString() == "Complete");
        var codes = done.GetProperty("responses").EnumerateArray().Select(r => (r.GetProperty("level").GetString(), r.GetProperty("code").GetString())).Order();
        Assert.Equal([("Business", "30001"), ("Infrastructure", "20013")], codes);
        Assert.Contains(done.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "BusinessResponse");
        var answered = await Json.GetAsync(nodes.Gp.Client, $"api/v1/messages/{meshId}");
        Assert.Equal("30001", answered.GetProperty("businessOutcome").GetString());
        Assert.False(answered.GetProperty("awaitingOutcome").GetBoolean());
    }

    [Fact]
    public async Task Outcome_repeated_is_already_reported_a_different_one_conflicts_and_a_non_business_code_is_invalid()
    {
        var meshId = (await SubmitAndPullAsync()).GetProperty("meshMessageId").GetString()!;
        var path = $"api/v1/messages/{meshId}/outcome";

        await Json.ProblemAsync(await nodes.Gp.Client.PostAsJsonAsync(path, new { code = "20013" }), HttpStatusCode.BadRequest, "invalid-outcome");
        await Json.ProblemAsync(await nodes.Gp.Client.PostAsJsonAsync(path, new { code = "" }), HttpStatusCode.BadRequest, "invalid-request");
        await Json.ReadAsync(await nodes.Gp.Client.PostAsJsonAsync(path, new { code = "30002", diagnostics = "not registered here" }), HttpStatusCode.Accepted);
        var repeat = await Json.ReadAsync(await nodes.Gp.Client.PostAsJsonAsync(path, new { code = "30002" }), HttpStatusCode.OK);
        Assert.True(repeat.GetProperty("alreadyReported").GetBoolean());
        await Json.ProblemAsync(await nodes.Gp.Client.PostAsJsonAsync(path, new { code = "30001" }), HttpStatusCode.Conflict, "outcome-conflict");
    }

    [Fact]
    public async Task Acknowledged_delivery_cannot_be_acknowledged_again()
    {
        var delivery = await SubmitAndPullAsync();
        var ack = $"api/v1/deliveries/{delivery.GetProperty("deliveryId").GetString()}/ack";

        Assert.Equal(HttpStatusCode.NoContent, (await nodes.Gp.Client.PostAsync(ack, null)).StatusCode);
        await Json.ProblemAsync(await nodes.Gp.Client.PostAsync(ack, null), HttpStatusCode.NotFound, "delivery-not-found");
    }

    private async Task<JsonElement> SubmitAndPullAsync()
    {
        var submitted = await Json.ReadAsync(await Json.SubmitAsync(nodes.Hospital.Client, nodes.NextDocument()), HttpStatusCode.Accepted);
        var id = submitted.GetProperty("transaction").GetProperty("id").GetString();
        return await PullAsync(await nodes.Hospital.Client.GetByteArrayAsync($"api/v1/transactions/{id}/payload"));
    }

    /// <summary>Claims deliveries until the one carrying <paramref name="sent"/> comes (other tests' deliveries return after their lease).</summary>
    private async Task<JsonElement> PullAsync(byte[] sent)
    {
        var batch = await Eventually.GetAsync(
            async () => await Json.ReadAsync(await nodes.Gp.Client.PostAsync("api/v1/deliveries/next?max=20&claimant=tests", null), HttpStatusCode.OK),
            b => b.GetProperty("items").EnumerateArray().Any(i => Convert.FromBase64String(i.GetProperty("content").GetString()!).AsSpan().SequenceEqual(sent)));
        return batch.GetProperty("items").EnumerateArray().First(i => Convert.FromBase64String(i.GetProperty("content").GetString()!).AsSpan().SequenceEqual(sent));
    }
}
