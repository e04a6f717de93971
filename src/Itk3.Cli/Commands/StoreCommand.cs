using System.CommandLine;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Retention;
using Itk3.Gateway.Sqlite;
using Itk3.Gateway.Store;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 store backup|purge</c>: an online backup of a node's SQLite store, and the retention purge run by hand.</summary>
internal static class StoreCommand
{
    /// <summary>Creates the <c>store</c> command group.</summary>
    internal static Command Create()
    {
        var command = new Command("store", "Look after a node's SQLite store (see docs/gateway-store.md): online backup, retention purge.");
        command.Subcommands.Add(CreateBackup());
        command.Subcommands.Add(CreatePurge());
        return command;
    }

    private static Command CreateBackup()
    {
        var file = new Argument<FileInfo>("file") { Description = "The backup file to write (must not exist yet)." };
        var config = GatewayConfigOption.Create();
        var command = new Command("backup",
            "Write a consistent copy of the node's database to a new file with SQLite's online backup API; safe while the\n"
            + "node runs (it keeps sending and receiving). Restore: stop the node, replace gateway.db with the copy, delete\n"
            + "gateway.db-wal and gateway.db-shm, start the node.\n\n"
            + "Example:\n  itk3 store backup /var/backups/itk3/gateway-$(date +%F).db --config /etc/itk3/node.json")
        {
            file, config,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => RunAsync("backup", r.GetValue(config), r.InvocationConfiguration.Error, async store =>
        {
            var bytes = await store.BackupAsync(r.GetValue(file)!.FullName, ct).ConfigureAwait(false);
            await r.InvocationConfiguration.Output.WriteLineAsync($"Backup written: {r.GetValue(file)!.FullName} ({bytes} bytes)").ConfigureAwait(false);
        }, ct));
        return command;
    }

    private static Command CreatePurge()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count what the purge would blank or delete." };
        var config = GatewayConfigOption.Create();
        var command = new Command("purge",
            "Apply the node's retention settings now (config \"retention\"): blank the payload bytes of finished received\n"
            + "messages, sent outbox items and delivered deliveries older than their period, and delete drop-folder done/\n"
            + "files older than theirs. Transaction records, timelines, states, ids and codes are kept.\n\n"
            + "Example:\n  itk3 store purge --dry-run --config /etc/itk3/node.json")
        {
            dryRun, config,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => RunAsync("purge", r.GetValue(config), r.InvocationConfiguration.Error, async store =>
        {
            var options = GatewayConfigOption.Read(r.GetValue(config));
            var report = await new RetentionPurger(store, options.Retention, options.EffectiveDropFolder, TimeProvider.System)
                .PurgeAsync(r.GetValue(dryRun), ct).ConfigureAwait(false);
            var verb = r.GetValue(dryRun) ? "Would purge" : "Purged";
            var output = r.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{verb}: {report.InboundMessages} received message(s), {report.OutboxItems} outbox item(s), "
                + $"{report.Deliveries} delivery(ies), {report.Bytes} payload bytes; {report.DropFolderFiles} drop-folder archive file(s)").ConfigureAwait(false);
            if (!options.Retention.IsEnabled)
            {
                await output.WriteLineAsync("No retention is configured (config \"retention\"): nothing is ever purged.").ConfigureAwait(false);
            }
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(string name, FileInfo? config, TextWriter stderr, Func<SqliteGatewayStore, Task> run, CancellationToken ct)
    {
        try
        {
            var options = GatewayConfigOption.Read(config);
            if (!File.Exists(options.EffectiveDatabasePath))
            {
                await stderr.WriteLineAsync($"itk3 store {name}: no database at {options.EffectiveDatabasePath}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            await using var store = await SqliteGatewayStore.OpenAsync(new SqliteGatewayStoreOptions(options.EffectiveDatabasePath), TimeProvider.System, ct).ConfigureAwait(false);
            await run(store).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or GatewayConfigException or GatewayStoreException)
        {
            await stderr.WriteLineAsync($"itk3 store {name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }
    }
}
