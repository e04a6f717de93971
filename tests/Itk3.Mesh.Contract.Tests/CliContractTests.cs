using System.CommandLine;
using Itk3.Cli;
using Itk3.Cli.Commands;
using Itk3.Mesh.Contract.Tests.Support;
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
