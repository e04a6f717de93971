using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirFormat = Itk3.Fhir.Serialization.FhirFormat;
using FhirSerializer = Itk3.Fhir.Serialization.FhirSerializer;
using Itk3.Gateway.Configuration;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 send</c>: submits a payload through a running node's HTTP API (the node checks it, builds the ITK3 message, sends it and tracks it).</summary>
internal static class SendCommand
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Creates the command.</summary>
    internal static Command Create()
    {
        var payload = new Argument<FileInfo>("payload") { Description = "The FHIR payload to send (JSON or XML): a document Bundle, a Bundle or one resource." };
        var to = new Option<string>("--to") { Description = "The recipient: a MESH mailbox id, an ODS code (with --kind ods) or GPPROVIDER_<NHS no>_<yyyyMMdd>_<surname>.", Required = true };
        var kind = new Option<string>("--kind") { Description = "How --to is addressed: mailbox, ods (resolved by MESH endpoint lookup) or gpprovider.", DefaultValueFactory = _ => "mailbox" };
        kind.AcceptOnlyFromAmong("mailbox", "ods", "gpprovider");
        var flow = new Option<string>("--flow") { Description = "The flow's MESH workflow id, as configured on the node.", DefaultValueFactory = _ => "TOC_FHIR_IP_DISCH" };
        var reference = new Option<string?>("--sender-reference") { Description = "Your reference, sent as the handling specification's SenderReference and echoed in responses." };
        var transaction = new Option<string?>("--transaction-id")
        {
            Description = "An idempotency key (default: a new GUID). Sending the same request again with it answers the same transaction "
                + "and sends nothing new; a different request with it is refused (transaction-conflict).",
        };
        var (url, key, config) = (NodeApiClient.UrlOption(), NodeApiClient.KeyOption(), GatewayConfigOption.Create());
        key.Description = $"An API key of the node with the submit scope; default: the {NodeApiClient.KeyVariable} environment variable.";
        var command = new Command("send",
            "Submit a payload to a running gateway node through its HTTP API (POST /api/v1/transactions/fhir). The node checks\n"
            + "everything before it queues anything: the payload is parsed strictly (every FHIR error is printed with its path,\n"
            + "line:column and code), the flow must be configured and the recipient well formed (an ODS code is looked up at\n"
            + "MESH). On success it prints the transaction id and state; follow it with GET /api/v1/transactions/<id>.\n"
            + "The node is found like `itk3 outbox`: --api-url, else apiUrl of --config, else http://127.0.0.1:5080.\n\n"
            + "Exit codes: 0 accepted (queued for MESH); 1 the payload has FHIR errors or is not FHIR; 2 refused for another\n"
            + "reason (unknown flow, malformed recipient, transaction id reused for another request, key) or no node answered.\n"
            + "Nothing is queued anywhere when the exit code is not 0. Integrators who cannot call the API can still write\n"
            + "*.submit.json files into the node's drop folder (docs/gateway-node.md).\n\n"
            + "Examples:\n"
            + "  itk3 serve --config node.json &\n"
            + "  export ITK3_API_KEY=change-me\n"
            + "  itk3 send discharge.json --to A12345 --kind ods --config node.json\n"
            + "  itk3 send discharge.xml --to X26GP001 --transaction-id ward7-0042 --api-url http://127.0.0.1:5080")
        {
            payload, to, kind, flow, reference, transaction, url, key, config,
        };
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var submission = new Submission(r.GetValue(payload)!, r.GetValue(to)!, r.GetValue(kind)!, r.GetValue(flow)!, r.GetValue(reference), r.GetValue(transaction) ?? Guid.NewGuid().ToString());
            return RunAsync(r, submission, url, key, config, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Submission submission, Option<string?> url, Option<string?> key, Option<FileInfo?> config, CancellationToken ct)
    {
        var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var (content, unreadable, exitCode) = await OpenPayloadAsync(submission.Payload, ct).ConfigureAwait(false);
        if (content is null)
        {
            await stderr.WriteLineAsync($"itk3 send: {unreadable}; nothing was sent").ConfigureAwait(false);
            return exitCode;
        }

        using (content)
        {
            NodeApiClient? client;
            string? problem;
            try
            {
                (client, problem) = NodeApiClient.Create(parse, url, key, config, Patience);
            }
            catch (GatewayConfigException e)
            {
                (client, problem) = (null, $"--config: {string.Join("; ", e.Errors)}");
            }

            if (client is null)
            {
                await stderr.WriteLineAsync($"itk3 send: {problem}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            using (client)
            {
                var (answer, unanswered) = await client.PostContentAsync(submission.Route(), content, ct).ConfigureAwait(false);
                return answer is null
                    ? await UnansweredAsync(stderr, unanswered!, submission).ConfigureAwait(false)
                    : await ReportAsync(stdout, stderr, client.BaseAddress, answer).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The payload as request content with its FHIR media type (streamed from the file), or why it cannot be sent and the exit code.</summary>
    private static async Task<(HttpContent? Content, string? Error, int ExitCode)> OpenPayloadAsync(FileInfo file, CancellationToken ct)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var head = new byte[(int)Math.Min(4096, stream.Length)];
            await stream.ReadExactlyAsync(head, ct).ConfigureAwait(false);
            stream.Position = 0;
            if (MediaTypeOf(head) is not { } mediaType)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                return (null, $"{file.FullName}: is neither FHIR JSON nor FHIR XML (empty, or not starting with '{{' or '<')", ExitCodes.ContentErrors);
            }

            var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return (content, null, ExitCodes.Ok);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            return (null, $"cannot read {file.FullName}: {e.Message}", ExitCodes.UsageOrIo);
        }
    }

    private static string? MediaTypeOf(ReadOnlySpan<byte> head) => FhirSerializer.DetectFormat(head) switch
    {
        FhirFormat.Json => "application/fhir+json",
        FhirFormat.Xml => "application/fhir+xml",
        _ => null,
    };

    private static async Task<int> UnansweredAsync(TextWriter stderr, string unanswered, Submission submission)
    {
        await stderr.WriteLineAsync($"itk3 send: {unanswered}").ConfigureAwait(false);
        if (unanswered.StartsWith("the node at", StringComparison.Ordinal))
        {
            // The request reached a node that did not answer in time: it may still accept it, and the same id is safe to resend.
            await stderr.WriteLineAsync($"  the submission may still be accepted: look for transaction {submission.TransactionId}, or send again with --transaction-id {submission.TransactionId} (nothing is sent twice)").ConfigureAwait(false);
        }
        else
        {
            await stderr.WriteLineAsync("  nothing was queued").ConfigureAwait(false);
        }

        return ExitCodes.UsageOrIo;
    }

    private static async Task<int> ReportAsync(TextWriter stdout, TextWriter stderr, Uri node, NodeAnswer answer)
    {
        if (answer.IsSuccess && answer.Body?.TryGetProperty("transaction", out var transaction) == true)
        {
            var id = transaction.GetProperty("id").GetString();
            await stdout.WriteLineAsync($"Accepted by {node}: transaction {id}, state {transaction.GetProperty("state").GetString()}").ConfigureAwait(false);
            await stdout.WriteLineAsync($"  follow it: GET {node}api/v1/transactions/{Uri.EscapeDataString(id!)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await stderr.WriteLineAsync($"itk3 send: refused by {node} ({answer.Status} {answer.Code ?? answer.Reason}): {answer.Detail}").ConfigureAwait(false);
        foreach (var issue in Issues(answer))
        {
            await stderr.WriteLineAsync("  " + issue).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync("  nothing was queued").ConfigureAwait(false);
        return answer.Code is "payload-invalid" or "payload-unreadable" ? ExitCodes.ContentErrors : ExitCodes.UsageOrIo;
    }

    /// <summary>Each located issue of a problem as <c>severity: path (line:col) code message</c>.</summary>
    private static IEnumerable<string> Issues(NodeAnswer answer)
    {
        if (answer.Body is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("issues", out var issues) || issues.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var issue in issues.EnumerateArray())
        {
            string Text(string name) => issue.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            int Number(string name) => issue.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{Text("severity")}: {Text("location")} ({Number("line")}:{Number("column")}) {Text("code")} {Text("message")}");
        }
    }

    private sealed record Submission(FileInfo Payload, string To, string Kind, string Flow, string? SenderReference, string TransactionId)
    {
        /// <summary>The raw-body submission route with the addressing as query parameters.</summary>
        public string Route()
        {
            var recipientKind = Kind switch { "ods" => "Ods", "gpprovider" => "GpProvider", _ => "Mailbox" };
            var query = $"flow={Uri.EscapeDataString(Flow)}&recipientKind={recipientKind}&recipient={Uri.EscapeDataString(To)}&transactionId={Uri.EscapeDataString(TransactionId)}";
            return "api/v1/transactions/fhir?" + query + (SenderReference is { } r ? "&senderReference=" + Uri.EscapeDataString(r) : string.Empty);
        }
    }
}
