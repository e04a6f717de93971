using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Itk3.Cli.Commands;
using Itk3.Cli.Tests.Support;
using Itk3.Testing;

namespace Itk3.Cli.Tests;

/// <summary><c>itk3 send</c> against a real node (<c>itk3 serve</c>, Kestrel, SQLite): what it prints and exits with, and what the node then holds.</summary>
public sealed class SendCommandTests(SendCommandTests.Node node) : IClassFixture<SendCommandTests.Node>
{
    private const string Key = "ehr-key-8";

    [Fact]
    public async Task An_accepted_payload_prints_the_transaction_id_and_state_exits_0_and_the_transaction_is_in_the_node()
    {
        var run = Send(RepositoryPaths.Fixture("discharge-summary-document.xml"), "--to", "X26GP001", "--sender-reference", "ward-7");

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Error));
        var id = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("Accepted by ", StringComparison.Ordinal)).Split("transaction ")[1].Split(',')[0];
        Assert.Contains(", state Queued", run.Output, StringComparison.Ordinal);
        var stored = await node.GetTransactionAsync(id);
        Assert.Equal(("X26GP001", "TOC_FHIR_IP_DISCH"), (stored.GetProperty("recipient").GetString(), stored.GetProperty("flow").GetString()));
    }

    [Fact]
    public async Task A_payload_with_FHIR_errors_prints_every_issue_located_exits_1_and_queues_nothing()
    {
        var payload = node.Write("patient.json", """{ "resourceType": "Patient", "id": "p1", "activ": true, "active": "yes" }""");
        var id = "invalid-" + Guid.NewGuid();

        var run = Send(payload, "--to", "X26GP001", "--transaction-id", id);

        Assert.Equal(ExitCodes.ContentErrors, run.ExitCode);
        Assert.Contains("(422 payload-invalid)", run.Error, StringComparison.Ordinal);
        var issues = run.Error.Split('\n').Where(l => l.StartsWith("  error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, issues.Count);
        Assert.All(issues, l => Assert.Matches(@"^  error: Patient\.\S+ \(1:\d+\) \S+ ", l));
        Assert.Contains(issues, l => l.Contains("Patient.activ ", StringComparison.Ordinal));
        Assert.Contains(issues, l => l.Contains("Patient.active ", StringComparison.Ordinal));
        Assert.Null(await node.FindTransactionAsync(id));
    }

    [Theory]
    [InlineData("unknown-flow", "--to", "X26GP001", "--flow", "NOT_A_FLOW")]
    [InlineData("invalid-recipient", "--to", "X26 GP!01")]
    [InlineData("invalid-recipient", "--to", "A1234*", "--kind", "ods")]
    [InlineData("invalid-recipient", "--to", "GPPROVIDER_123_2020_x", "--kind", "gpprovider")]
    public async Task An_unknown_flow_or_a_malformed_recipient_prints_its_stable_code_exits_2_and_queues_nothing(string code, params string[] addressing)
    {
        var id = "refused-" + Guid.NewGuid();

        var run = Send(RepositoryPaths.Fixture("discharge-summary-document.xml"), [.. addressing, "--transaction-id", id]);

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains($"(400 {code})", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Null(await node.FindTransactionAsync(id));
    }

    [Fact]
    public async Task A_transaction_id_reused_for_another_request_exits_2_with_the_conflict_and_the_same_request_answers_the_first_transaction()
    {
        var id = "reused-" + Guid.NewGuid();
        var document = RepositoryPaths.Fixture("discharge-summary-document.xml");

        var first = Send(document, "--to", "X26GP001", "--transaction-id", id);
        var same = Send(document, "--to", "X26GP001", "--transaction-id", id);
        var other = Send(document, "--to", "X26GP002", "--transaction-id", id);

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (first.ExitCode, same.ExitCode));
        Assert.Contains($"transaction {id},", same.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, other.ExitCode);
        Assert.Contains("(409 transaction-conflict)", other.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted", other.Output, StringComparison.Ordinal);
        Assert.Equal("X26GP001", (await node.GetTransactionAsync(id)).GetProperty("recipient").GetString());
    }

    [Fact]
    public void A_file_that_is_not_FHIR_is_refused_before_any_call_with_exit_1()
    {
        var run = Send(node.Write("notes.txt", "discharged home"), "--to", "X26GP001");

        Assert.Equal(ExitCodes.ContentErrors, run.ExitCode);
        Assert.Contains("neither FHIR JSON nor FHIR XML", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_node_listening_send_names_the_URL_and_itk3_serve_exits_2_and_queues_nothing_anywhere()
    {
        var data = Path.Combine(node.Folder, "absent-node-data");
        var config = node.Write("absent-node.json", """{ "dataDirectory": "absent-node-data", "apiUrl": "http://127.0.0.1:9" }""");

        var run = CliRun.Of("send", RepositoryPaths.Fixture("discharge-summary-document.xml"), "--to", "X26GP001", "--config", config, "--api-key", Key);

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("no node answered at http://127.0.0.1:9/", run.Error, StringComparison.Ordinal);
        Assert.Contains("itk3 serve", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.False(Directory.Exists(data), "send created the node's data folder (a drop-folder file?)");
    }

    [Fact]
    public async Task A_submission_through_the_API_joins_the_callers_trace()
    {
        var submits = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Itk3.Gateway",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.OperationName == "itk3.submit") { submits.Enqueue(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var id = "traced-" + Guid.NewGuid();
        using var http = new HttpClient { BaseAddress = new Uri(node.Url) };
        using var content = new ByteArrayContent(File.ReadAllBytes(RepositoryPaths.Fixture("discharge-summary-document.xml")));
        content.Headers.ContentType = new("application/fhir+xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/transactions/fhir?flow=TOC_FHIR_IP_DISCH&recipientKind=Mailbox&recipient=X26GP001&transactionId={id}") { Content = content };
        request.Headers.Add("X-Api-Key", Key);

        using var caller = new Activity("test.ehr-request").SetIdFormat(ActivityIdFormat.W3C).Start();
        using var response = await http.SendAsync(request);
        caller.Stop();

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var submit = Assert.Single(submits, a => (a.GetTagItem("itk3.transaction_id") as string) == id);
        Assert.Equal(caller.TraceId, submit.TraceId);
        Assert.NotEqual(caller.SpanId, submit.ParentSpanId);
    }

    private CliRun Send(string payload, params string[] options) =>
        CliRun.Of(["send", payload, .. options, "--api-url", node.Url, "--api-key", Key]);

    /// <summary>One node for the class: MESH unreachable (sends wait in the outbox), so every accepted transaction stays Queued.</summary>
    public sealed class Node : IAsyncLifetime
    {
        private ServedNode? _served;
        private HttpClient? _http;

        public string Folder { get; } = Directory.CreateTempSubdirectory("itk3-send-").FullName;

        public string Url => _served!.Url;

        public async Task InitializeAsync()
        {
            var config = Write("node.json", $$"""
                { "dataDirectory": "data", "mesh": { "url": "http://127.0.0.1:9/", "password": "unused", "sharedKey": "unused" },
                  "apiKeys": [ { "name": "ehr", "key": "{{Key}}", "scopes": ["submit", "read"] } ] }
                """);
            _served = await ServedNode.StartAsync(config);
            _http = new HttpClient { BaseAddress = new Uri(Url) };
            _http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        }

        public string Write(string name, string text)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        public async Task<JsonElement> GetTransactionAsync(string id) =>
            await FindTransactionAsync(id) ?? throw new InvalidOperationException($"transaction {id} is not in the node");

        public async Task<JsonElement?> FindTransactionAsync(string id)
        {
            using var response = await _http!.GetAsync("api/v1/transactions/" + Uri.EscapeDataString(id));
            return response.StatusCode == System.Net.HttpStatusCode.NotFound
                ? null
                : (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transaction");
        }

        public async Task DisposeAsync()
        {
            _http?.Dispose();
            if (_served is not null)
            {
                await _served.DisposeAsync();
            }

            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
