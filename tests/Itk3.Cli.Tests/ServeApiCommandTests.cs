using System.CommandLine;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Itk3.Cli.Commands;
using Itk3.Testing;

namespace Itk3.Cli.Tests;

public sealed class ServeApiCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-serve-api-").FullName;

    [Fact]
    public async Task Serve_starts_the_HTTP_API_prints_its_URL_and_requires_a_configured_key()
    {
        var config = Path.Combine(_folder, "node.json");
        File.WriteAllText(config, """{ "dataDirectory": "data", "dropFolder": "", "apiKeys": ["cli-test-key"] }""");
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var cts = new CancellationTokenSource();
        var run = ServeCommand.Create().Parse(["--config", config, "--api-url", "http://127.0.0.1:0"])
            .InvokeAsync(new InvocationConfiguration { Output = synchronized, Error = TextWriter.Synchronized(new StringWriter()) }, cts.Token);

        var url = await WaitForApiUrlAsync(output, synchronized, run);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/v1/health")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/health");
        request.Headers.Add("X-Api-Key", "cli-test-key");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);

        await cts.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
    }

    [Fact]
    public async Task Serve_with_an_unusable_API_URL_fails_with_the_usage_exit_code()
    {
        var config = Path.Combine(_folder, "node.json");
        File.WriteAllText(config, """{ "dataDirectory": "data", "dropFolder": "" }""");
        var exitCode = await ServeCommand.Create().Parse(["--config", config, "--api-url", "ftp://127.0.0.1:0"])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
    }

    [Fact]
    public async Task Serve_with_an_https_API_URL_serves_TLS_with_the_configured_PEM_certificate()
    {
        using var certificates = new Itk3.Testing.TestCertificates();
        File.WriteAllText(Path.Combine(_folder, "api.crt"), certificates.Server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "api.key"), certificates.Server.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var config = Path.Combine(_folder, "node.json");
        File.WriteAllText(config, """
            { "dataDirectory": "data", "dropFolder": "", "apiKeys": ["cli-test-key"],
              "apiCertificate": { "path": "api.crt", "keyPath": "api.key" } }
            """);
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var cts = new CancellationTokenSource();
        var run = ServeCommand.Create().Parse(["--config", config, "--api-url", "https://127.0.0.1:0"])
            .InvokeAsync(new InvocationConfiguration { Output = synchronized, Error = TextWriter.Synchronized(new StringWriter()) }, cts.Token);

        var url = await WaitForApiUrlAsync(output, synchronized, run);
        string? presented = null;
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => (presented = c?.Thumbprint) is not null };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/health");
        request.Headers.Add("X-Api-Key", "cli-test-key");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        Assert.Equal(certificates.Server.Thumbprint, presented);

        await cts.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
    }

    [Theory]
    [InlineData("""{ "dataDirectory": "data", "dropFolder": "" }""", "https://127.0.0.1:0")]
    [InlineData("""{ "dataDirectory": "data", "dropFolder": "", "apiUrl": "https://127.0.0.1:0" }""", null)]
    [InlineData("""{ "dataDirectory": "data", "dropFolder": "", "apiCertificate": { "path": "missing.pem" } }""", "https://127.0.0.1:0")]
    public async Task Serve_with_an_https_API_URL_but_no_usable_certificate_fails_with_the_usage_exit_code(string json, string? apiUrl)
    {
        var config = Path.Combine(_folder, "node.json");
        File.WriteAllText(config, json);
        string[] args = apiUrl is null ? ["--config", config] : ["--config", config, "--api-url", apiUrl];
        var error = new StringWriter();

        var exitCode = await ServeCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.NotEmpty(error.ToString());
    }

    [Fact]
    public async Task Outbox_commands_list_requeue_and_resolve_a_stuck_send_on_the_running_node_with_the_key_name_recorded()
    {
        var config = Path.Combine(_folder, "node.json");
        File.WriteAllText(config, """
            { "dataDirectory": "data", "dropFolder": "", "mesh": { "url": "http://127.0.0.1:9/", "password": "unused", "sharedKey": "unused", "pollInterval": "00:00:00.200",
                "sendRetry": { "fastAttempts": 1, "baseDelay": "00:00:10", "maxDelay": "00:00:30" } },
              "apiKeys": [ { "name": "night-ops", "key": "ops-key-71", "scopes": ["operate", "read"] }, { "name": "ehr", "key": "ehr-key-71", "scopes": ["submit"] } ] }
            """);
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var cts = new CancellationTokenSource();
        var run = ServeCommand.Create().Parse(["--config", config, "--api-url", "http://127.0.0.1:0"])
            .InvokeAsync(new InvocationConfiguration { Output = synchronized, Error = TextWriter.Synchronized(new StringWriter()) }, cts.Token);
        var url = await WaitForApiUrlAsync(output, synchronized, run);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", "ehr-key-71");
        var payload = File.ReadAllBytes(RepositoryPaths.Fixture("discharge-summary-document.xml"));
        var submitted = await http.PostAsync("api/v1/transactions/fhir?flow=TOC_FHIR_IP_DISCH&recipientKind=Mailbox&recipient=X26GP001",
            new ByteArrayContent(payload) { Headers = { ContentType = new("application/fhir+xml") } });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        string[] api = ["--api-url", url, "--api-key", "ops-key-71"];

        var listed = await EventuallyAsync(() => CliRun.Of(["outbox", "list", "--needs-attention", .. api]), r => r.Output.Contains("1 item(s)"));
        var id = listed.Output.Split('\n')[1].Split(' ')[0];
        var requeued = await EventuallyAsync(() => CliRun.Of(["outbox", "requeue", id, .. api]), r => r.ExitCode == ExitCodes.Ok);
        var resolved = await EventuallyAsync(() => CliRun.Of(["outbox", "resolve", id, "--note", "sent by post", .. api]), r => r.ExitCode == ExitCodes.Ok);
        var again = CliRun.Of(["outbox", "resolve", id, "--note", "twice", .. api]);
        var noKey = CliRun.Of(["outbox", "list", "--api-url", url, "--api-key", "ehr-key-71"]);

        Assert.Contains("now Pending", requeued.Output);
        Assert.Contains("now Resolved", resolved.Output);
        Assert.Equal((ExitCodes.UsageOrIo, true), (again.ExitCode, again.Error.Contains("action-conflict")));
        Assert.Equal((ExitCodes.UsageOrIo, true), (noKey.ExitCode, noKey.Error.Contains("scope-missing")));
        await cts.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
    }

    [Fact]
    public void Queue_commands_fail_with_the_usage_exit_code_when_no_node_answers_or_no_key_is_given()
    {
        var noNode = CliRun.Of("deliveries", "list", "--api-url", "http://127.0.0.1:9/", "--api-key", "k");
        var noKey = CliRun.Of("deliveries", "requeue", "x", "--api-url", "http://127.0.0.1:9/");

        Assert.Equal((ExitCodes.UsageOrIo, true), (noNode.ExitCode, noNode.Error.Contains("no node answered")));
        Assert.Equal(ExitCodes.UsageOrIo, noKey.ExitCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Task<string> WaitForApiUrlAsync(StringWriter output, TextWriter gate, Task running) =>
        Support.ServedNode.WaitForApiUrlAsync(output, gate, running);

    private static async Task<CliRun> EventuallyAsync(Func<CliRun> run, Func<CliRun, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var result = run();
            if (done(result) || i == 400)
            {
                return result;
            }

            await Task.Delay(50);
        }
    }
}
