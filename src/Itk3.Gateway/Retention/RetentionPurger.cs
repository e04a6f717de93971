using Itk3.Gateway.Configuration;
using Itk3.Gateway.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Retention;

/// <summary>
/// Applies <see cref="RetentionSettings"/>: blanks the store's payload bytes of finished items past their period and deletes
/// drop-folder archive files (<c>done/</c>) past theirs. <see cref="RunAsync"/> runs it in the background every
/// <see cref="RetentionSettings.PurgeInterval"/>; <c>itk3 store purge</c> runs it once.
/// </summary>
/// <param name="store">The store whose bytes are blanked.</param>
/// <param name="settings">The retention periods.</param>
/// <param name="dropFolder">The drop folder (its <c>done/</c> archive is purged), or null.</param>
/// <param name="clock">The clock the periods are measured against.</param>
public sealed class RetentionPurger(IContentRetention store, RetentionSettings settings, string? dropFolder, TimeProvider clock)
{
    /// <summary>The cutoffs at <paramref name="now"/>: now minus each configured period.</summary>
    public RetentionCutoffs CutoffsAt(DateTimeOffset now) =>
        new(Before(now, settings.InboundMessageDays), Before(now, settings.OutboxDays), Before(now, settings.DeliveryDays));

    /// <summary>Purges once now; on <paramref name="dryRun"/> only counts what would go.</summary>
    public async Task<PurgeReport> PurgeAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var report = await store.PurgeContentAsync(CutoffsAt(now), now, dryRun, cancellationToken).ConfigureAwait(false);
        return report with { DropFolderFiles = PurgeDropArchive(Before(now, settings.DropFolderArchiveDays), dryRun) };
    }

    /// <summary>Runs the purge every <see cref="RetentionSettings.PurgeInterval"/> until cancelled; a failed run is logged and retried at the next tick.</summary>
    public async Task RunAsync(ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        using var timer = new PeriodicTimer(settings.PurgeInterval, clock);
        do
        {
            try
            {
                var report = await PurgeAsync(dryRun: false, cancellationToken).ConfigureAwait(false);
                if (!report.IsEmpty)
                {
                    GatewayLog.Purged(logger, report.InboundMessages, report.OutboxItems, report.Deliveries, report.Bytes, report.DropFolderFiles);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The loop is the boundary: a failed run (store busy, disk) is reported and retried at the next tick.
                GatewayLog.PurgeFailed(logger, e.GetType().Name);
            }
        }
        while (await WaitAsync(timer, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private int PurgeDropArchive(DateTimeOffset? cutoff, bool dryRun)
    {
        var archive = dropFolder is null ? null : Path.Combine(dropFolder, "done");
        if (cutoff is not { } before || archive is null || !Directory.Exists(archive))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(archive))
        {
            if (File.GetLastWriteTimeUtc(file) < before.UtcDateTime)
            {
                if (!dryRun)
                {
                    File.Delete(file);
                }

                count++;
            }
        }

        return count;
    }

    private static DateTimeOffset? Before(DateTimeOffset now, double? days) => days is { } d ? now - TimeSpan.FromDays(d) : null;
}
