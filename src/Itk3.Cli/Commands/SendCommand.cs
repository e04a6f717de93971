using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Outbound;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 send</c>: hands a payload to a node through its drop folder (the node builds the ITK3 message, sends it and tracks it).</summary>
internal static class SendCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Creates the command.</summary>
    internal static Command Create()
    {
        var payload = new Argument<FileInfo>("payload") { Description = "The FHIR payload to send (JSON or XML): a document Bundle, a Bundle or one resource." };
        var to = new Option<string>("--to") { Description = "The recipient: a MESH mailbox id, an ODS code (with --kind ods) or GPPROVIDER_<NHS no>_<yyyyMMdd>_<surname>.", Required = true };
        var kind = new Option<string>("--kind") { Description = "How --to is addressed: mailbox, ods (resolved by MESH endpoint lookup) or gpprovider.", DefaultValueFactory = _ => "mailbox" };
        var flow = new Option<string>("--flow") { Description = "The flow's MESH workflow id, as configured on the node.", DefaultValueFactory = _ => "TOC_FHIR_IP_DISCH" };
        var reference = new Option<string?>("--sender-reference") { Description = "Your reference, sent as the handling specification's SenderReference and echoed in responses." };
        var config = GatewayConfigOption.Create();
        var command = new Command("send",
            "Submit a payload to a running (or later started) gateway node by writing a submission file into its drop\n"
            + "folder (<data>/outgoing unless the config says otherwise); the node picks it up within a second, moves it\n"
            + "to done/ or failed/ (with a .error.txt), and the transaction id is drop-<file name>.\n\n"
            + "Example:\n  itk3 send discharge.json --to A12345 --kind ods --flow TOC_FHIR_IP_DISCH")
        {
            payload, to, kind, flow, reference, config,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => RunAsync(
            r.GetValue(payload)!, r.GetValue(to)!, r.GetValue(kind)!, r.GetValue(flow)!, r.GetValue(reference), r.GetValue(config), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo payload, string to, string kind, string flow, string? reference, FileInfo? config, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (kind is not ("mailbox" or "ods" or "gpprovider"))
        {
            await stderr.WriteLineAsync("itk3 send: --kind must be mailbox, ods or gpprovider").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        try
        {
            var options = GatewayConfigOption.Read(config);
            if (options.DropFolder == string.Empty)
            {
                await stderr.WriteLineAsync("itk3 send: the node's drop folder is switched off (dropFolder is empty in its config)").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            var folder = Path.GetFullPath(options.DropFolder ?? "outgoing", options.DataDirectory);
            Directory.CreateDirectory(folder);
            var name = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Random.Shared.Next(100000, 999999)}");
            var payloadName = name + ".payload" + payload.Extension;
            File.Copy(payload.FullName, Path.Combine(folder, payloadName));
            var submission = new DropSubmission { Flow = flow, RecipientKind = kind, Recipient = to, SenderReference = reference, PayloadFile = payloadName };
            var temporary = Path.Combine(folder, name + ".tmp");
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(submission, JsonOptions), ct).ConfigureAwait(false);
            File.Move(temporary, Path.Combine(folder, name + ".submit.json"));
            await stdout.WriteLineAsync($"Queued for the node: transaction drop-{name} ({folder})").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or GatewayConfigException)
        {
            await stderr.WriteLineAsync($"itk3 send: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }
    }
}
