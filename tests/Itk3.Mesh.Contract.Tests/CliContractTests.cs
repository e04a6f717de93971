using System.CommandLine;
using Itk3.Cli;
using Itk3.Cli.Commands;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>The <c>itk3 mesh</c> commands against our server, as a user would run them.</summary>
public sealed class CliContractTests : IAsyncLifetime
{
    private MeshEnvironment _mesh = null!;
    private string _work = null!;

    // The CLI signs with the real clock, so the server's clock starts at the real time too.
    public async Task InitializeAsync()
    {
        _mesh = await MeshEnvironment.StartAsync(now: TimeProvider.System.GetUtcNow());
        _work = Directory.CreateTempSubdirectory("itk3-cli-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _mesh.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(string mailbox, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] connection = ["--url", _mesh.Server.BaseAddress.ToString(), "--mailbox", mailbox, "--password", Password, "--shared-key", SharedKey];
        var exit = await CliApplication.CreateRootCommand().Parse(["mesh", .. args, .. connection])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Send_inbox_download_ack_and_track_work_end_to_end()
    {
        var file = Path.Combine(_work, "bundle.json");
        await File.WriteAllBytesAsync(file, Bytes.Pattern(5000));

        var send = await RunAsync(Sender, "send", "--to", Receiver, "--workflow", Workflow, "--chunk-size", "2000", "--compress", "--local-id", "cli-1", file);
        var id = send.Out.Trim();
        var inbox = await RunAsync(Receiver, "inbox", "--all");
        var target = Path.Combine(_work, "received.json");
        var download = await RunAsync(Receiver, "download", id, "--output", target, "--ack");
        var track = await RunAsync(Sender, "track", id);
        var after = await RunAsync(Receiver, "inbox");
        var byLocalId = await RunAsync(Sender, "track", "--local-id", "cli-1");

        Assert.Equal((0, 0, 0, 0), (send.Exit, inbox.Exit, download.Exit, track.Exit));
        Assert.Equal([id], inbox.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Bytes.Pattern(5000), await File.ReadAllBytesAsync(target));
        Assert.Contains($"message_id: {id}", download.Out);
        Assert.Contains("filename: bundle.json", download.Out);
        Assert.Contains("status: acknowledged", track.Out);
        Assert.Equal(string.Empty, after.Out);
        Assert.Contains($"message_id: {id}", byLocalId.Out);
    }

    [Fact]
    public async Task Download_prints_the_senders_checksum_flags_and_partner_id_in_text_and_json()
    {
        var request = new MeshSendRequest(Receiver, Workflow)
        {
            ContentChecksum = "md5:99914b932bd37a50b983c5e7c90ae93b", PartnerId = "partner-7", ContentEncrypted = true, ContentCompressed = true,
        };
        var sent = await _mesh.Client(Sender).SendAsync(request, Bytes.Stream("{}"));

        var text = await RunAsync(Receiver, "download", sent.MessageId, "--output", Path.Combine(_work, "a.json"));
        var json = await RunAsync(Receiver, "download", sent.MessageId, "--output", Path.Combine(_work, "b.json"), "--format", "json");

        Assert.Equal((0, 0), (text.Exit, json.Exit));
        Assert.Contains("content_checksum: md5:99914b932bd37a50b983c5e7c90ae93b", text.Out);
        Assert.Contains("content_compressed: Y", text.Out);
        Assert.Contains("content_encrypted: Y", text.Out);
        Assert.Contains("partner_id: partner-7", text.Out);
        var fields = System.Text.Json.JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(("md5:99914b932bd37a50b983c5e7c90ae93b", "Y", "Y", "partner-7", sent.MessageId),
            (fields.GetProperty("content_checksum").GetString(), fields.GetProperty("content_compressed").GetString(),
             fields.GetProperty("content_encrypted").GetString(), fields.GetProperty("partner_id").GetString(), fields.GetProperty("message_id").GetString()));
    }

    [Fact]
    public async Task Download_with_chunk_fetches_that_chunk_alone()
    {
        var payload = Bytes.Pattern(5000, seed: 9);
        var sent = await _mesh.Client(Sender, chunkSize: 2000).SendAsync(new MeshSendRequest(Receiver, Workflow) { Compress = true }, new MemoryStream(payload));
        var target = Path.Combine(_work, "part2.bin");

        var result = await RunAsync(Receiver, "download", sent.MessageId, "--chunk", "2", "--output", target);
        var beyond = await RunAsync(Receiver, "download", sent.MessageId, "--chunk", "4", "--output", target);

        Assert.Equal(0, result.Exit);
        Assert.Contains("chunk_range: 2:3", result.Out);
        Assert.Equal(payload[2000..4000], await File.ReadAllBytesAsync(target));
        Assert.Equal(MeshCommand.MeshErrorExit, beyond.Exit);
        Assert.Contains("MESH 404", beyond.Err);
    }

    [Fact]
    public async Task Handshake_lookup_and_workflow_search_report_through_exit_codes()
    {
        var handshake = await RunAsync(Sender, "handshake");
        var lookup = await RunAsync(Sender, "lookup", "X26", Workflow);
        var none = await RunAsync(Sender, "lookup", "X99", Workflow);
        var search = await RunAsync(Sender, "workflow-search", AckWorkflow);

        Assert.Equal((0, 0, 1, 0), (handshake.Exit, lookup.Exit, none.Exit, search.Exit));
        Assert.Equal($"{Receiver}\tTESTMB2", lookup.Out.Trim());
        Assert.Equal([Sender, Other], search.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).Order());
    }

    [Fact]
    public async Task A_mesh_rejection_exits_2_and_prints_the_status_and_code()
    {
        var file = Path.Combine(_work, "x.json");
        await File.WriteAllTextAsync(file, "{}");

        var result = await RunAsync(Sender, "send", "--to", "NOBODY1", "--workflow", Workflow, file);

        Assert.Equal(MeshCommand.MeshErrorExit, result.Exit);
        Assert.Contains("417", result.Err);
        Assert.Contains("code 12", result.Err);
    }

    [Fact]
    public async Task A_report_is_printed_with_its_linked_message_and_code_and_writes_no_file()
    {
        var id = await _mesh.Server.Admin.InjectReportAsync(new Server.MeshReportRequest
        {
            MailboxId = Sender, WorkflowId = Workflow, LinkedMessageId = "LINKED1", Code = "14", Event = "TRANSFER",
        });

        var result = await RunAsync(Sender, "download", id, "--output", Path.Combine(_work, "report.dat"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("message_type: REPORT", result.Out);
        Assert.Contains("linked_message_id: LINKED1", result.Out);
        Assert.Contains("status_code: 14", result.Out);
        Assert.False(File.Exists(Path.Combine(_work, "report.dat")));
    }

    [Fact]
    public async Task Missing_credentials_exit_64_before_any_request()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApplication.CreateRootCommand().Parse(["mesh", "inbox", "--url", _mesh.Server.BaseAddress.ToString(), "--mailbox", Sender])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(MeshCommand.UsageErrorExit, exit);
    }
}
