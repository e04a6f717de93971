using System.Net;
using System.Text;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

/// <summary>Faults 4, 5 and 8 of issue 8 against a real node and MESH server: strict, honest intake before anything is queued.</summary>
public sealed class IntakeFaultTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_payload_with_FHIR_errors_is_refused_422_with_every_issue_located_and_nothing_is_queued()
    {
        var client = nodes.Hospital.Client;
        var before = await TotalAsync(client);
        var payload = """
            {"resourceType":"Patient",
             "activ":true,
             "active":"yes"}
            """u8.ToArray();

        var problem = await Json.ProblemAsync(await Json.SubmitAsync(client, payload), HttpStatusCode.UnprocessableEntity, "payload-invalid");

        var issues = problem.GetProperty("issues").EnumerateArray().ToList();
        var unknown = Assert.Single(issues, i => i.GetProperty("code").GetString() == "element-unknown");
        Assert.Equal("Patient.activ", unknown.GetProperty("location").GetString());
        Assert.Equal(2, unknown.GetProperty("line").GetInt32());
        Assert.True(unknown.GetProperty("column").GetInt32() > 0);
        Assert.Contains(issues, i => i.GetProperty("location").GetString() == "Patient.active" && i.GetProperty("line").GetInt32() == 3);
        Assert.Equal(before, await TotalAsync(client));
    }

    [Fact]
    public async Task A_reused_transaction_id_with_another_request_is_409_and_the_same_request_returns_the_original()
    {
        var client = nodes.Hospital.Client;
        var document = nodes.NextDocument();

        var first = await Json.ReadAsync(await Json.SubmitAsync(client, document, transactionId: "app-409"), HttpStatusCode.Accepted);
        var same = await Json.ReadAsync(await Json.SubmitAsync(client, document, transactionId: "app-409"), HttpStatusCode.Accepted);
        await Json.ProblemAsync(await Json.SubmitAsync(client, nodes.NextDocument(), transactionId: "app-409"), HttpStatusCode.Conflict, "transaction-conflict");
        await Json.ProblemAsync(await Json.SubmitAsync(client, document, recipient: "X26HOS01", transactionId: "app-409"), HttpStatusCode.Conflict, "transaction-conflict");

        Assert.Equal("app-409", first.GetProperty("transaction").GetProperty("id").GetString());
        Assert.Equal("app-409", same.GetProperty("transaction").GetProperty("id").GetString());
        var details = await Json.GetAsync(client, "api/v1/transactions/app-409");
        Assert.Equal(TwoNodes.GpMailbox, details.GetProperty("transaction").GetProperty("recipient").GetString());
    }

    [Theory]
    [InlineData("Mailbox", "X26GP001\r\nX-Evil: 1")]
    [InlineData("Mailbox", "X26GP001\n")]
    [InlineData("Mailbox", "X26 GP001")]
    [InlineData("Ods", "A1234\r")]
    [InlineData("Ods", "A1")]
    [InlineData("GpProvider", "GPPROVIDER_9434765919_19700101_Smith\r\n")]
    [InlineData("GpProvider", "GPPROVIDER_943476591_19700101_Smith")]
    [InlineData("GpProvider", "GPPROVIDER_9434765919_19701301_Smith")]
    public async Task A_malformed_recipient_is_refused_synchronously_and_never_reaches_the_queue(string kind, string recipient)
    {
        var client = nodes.Hospital.Client;
        var before = await TotalAsync(client);

        await Json.ProblemAsync(await Json.SubmitAsync(client, nodes.NextDocument(), recipient: recipient, kind: kind), HttpStatusCode.BadRequest, "invalid-recipient");

        Assert.Equal(before, await TotalAsync(client));
    }

    [Fact]
    public async Task Valid_transactions_submitted_around_refused_CR_LF_recipients_are_all_sent()
    {
        var client = nodes.Hospital.Client;
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            await Json.ProblemAsync(await Json.SubmitAsync(client, nodes.NextDocument(), recipient: "X26GP001\r\nmex-To: X"), HttpStatusCode.BadRequest, "invalid-recipient");
            var view = await Json.ReadAsync(await Json.SubmitAsync(client, nodes.NextDocument()), HttpStatusCode.Accepted);
            ids.Add(view.GetProperty("transaction").GetProperty("id").GetString()!);
        }

        foreach (var id in ids)
        {
            await Eventually.GetAsync(() => Json.GetAsync(client, $"api/v1/transactions/{id}"), t => t.GetProperty("transaction").GetProperty("state").GetString() != "Queued");
        }
    }

    [Fact]
    public async Task An_unknown_flow_is_refused_with_its_code()
    {
        await Json.ProblemAsync(await Json.SubmitAsync(nodes.Hospital.Client, nodes.NextDocument(), flow: "NOT_A_FLOW"), HttpStatusCode.BadRequest, "unknown-flow");
        await Json.ProblemAsync(await Json.SubmitAsync(nodes.Hospital.Client, nodes.NextDocument(), flow: "TOC\r\nX"), HttpStatusCode.BadRequest, "unknown-flow");
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await Json.GetAsync(client, "api/v1/transactions?pageSize=1")).GetProperty("total").GetInt32();
}
