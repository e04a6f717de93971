using System.Text;
using Itk3.Cli.Commands;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Sqlite;

namespace Itk3.Cli.Tests;

public sealed class StoreCommandTests : IDisposable
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddDays(-400);
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-store-").FullName;

    [Fact]
    public async Task Backup_writes_a_working_copy_and_refuses_to_overwrite_it()
    {
        var config = await SeedAsync("""{ "dataDirectory": "data" }""");
        var backup = Path.Combine(_folder, "backups", "gateway.db");

        var first = CliRun.Of("store", "backup", backup, "--config", config);
        var second = CliRun.Of("store", "backup", backup, "--config", config);

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(ExitCodes.UsageOrIo, second.ExitCode);
        await using var copy = await SqliteGatewayStore.OpenAsync(new SqliteGatewayStoreOptions(backup), TimeProvider.System, CancellationToken.None);
        Assert.Equal(Bytes, await copy.GetInboundContentAsync("OLD", CancellationToken.None));
    }

    [Fact]
    public async Task Purge_dry_run_changes_nothing_and_purge_blanks_the_old_payload_but_keeps_its_record()
    {
        var config = await SeedAsync("""{ "dataDirectory": "data", "retention": { "inboundMessageDays": 30 } }""");

        var dryRun = CliRun.Of("store", "purge", "--dry-run", "--config", config);
        var contentAfterDryRun = await ReadContentAsync();
        var purge = CliRun.Of("store", "purge", "--config", config);

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (dryRun.ExitCode, purge.ExitCode));
        Assert.Equal(Bytes, contentAfterDryRun);
        Assert.Null(await ReadContentAsync());
        await using var store = await OpenAsync();
        Assert.Equal(InboundState.Complete, (await store.GetInboundAsync("OLD", CancellationToken.None))!.State);
    }

    [Fact]
    public void Store_commands_without_a_database_exit_2()
    {
        var config = Path.Combine(_folder, "node.json");
        File.WriteAllText(config, """{ "dataDirectory": "nothing-here" }""");

        Assert.Equal(ExitCodes.UsageOrIo, CliRun.Of("store", "purge", "--config", config).ExitCode);
        Assert.Equal(ExitCodes.UsageOrIo, CliRun.Of("store", "backup", Path.Combine(_folder, "b.db"), "--config", config).ExitCode);
        Assert.False(File.Exists(Path.Combine(_folder, "nothing-here", "gateway.db")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Bytes => Encoding.UTF8.GetBytes("{\"resourceType\":\"Bundle\",\"id\":\"old\"}");

    private Task<SqliteGatewayStore> OpenAsync() =>
        SqliteGatewayStore.OpenAsync(new SqliteGatewayStoreOptions(Path.Combine(_folder, "data", "gateway.db")), TimeProvider.System, CancellationToken.None);

    private async Task<byte[]?> ReadContentAsync()
    {
        await using var store = await OpenAsync();
        return await store.GetInboundContentAsync("OLD", CancellationToken.None);
    }

    private async Task<string> SeedAsync(string json)
    {
        var config = Path.Combine(_folder, "node.json");
        await File.WriteAllTextAsync(config, json);
        await using var store = await OpenAsync();
        await using var work = await store.BeginAsync(CancellationToken.None);
        var message = new InboundMessage("OLD", "X26ABC2", "X26ABC1", "TOC_FHIR_IP_DISCH", LongAgo) { State = InboundState.Complete, AcknowledgedAt = LongAgo };
        await work.Inbox.RegisterAsync(message, Bytes, CancellationToken.None);
        await work.CommitAsync(CancellationToken.None);
        return config;
    }
}
