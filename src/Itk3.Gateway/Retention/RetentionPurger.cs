using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.Retention;

/// <summary>
/// Applies <see cref="RetentionSettings"/>: blanks the store's payload bytes of finished items past their period and deletes
/// drop-folder archive files (<c>done/</c>) past theirs. <see cref="Start"/> runs it in the background every
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

    /// <summary>Runs the purge every <see cref="RetentionSettings.PurgeInterval"/> until disposed; a failed run is reported and retried at the next tick.</summary>
    public IAsyncDisposable Start(Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var stop = new CancellationTokenSource();
        var loop = RunAsync(log, stop.Token);
        return new Running(stop, loop);
    }

    private async Task RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(settings.PurgeInterval, clock);
        do
        {
            try
            {
                var report = await PurgeAsync(dryRun: false, cancellationToken).ConfigureAwait(false);
                if (!report.IsEmpty)
                {
                    log($"retention purge blanked {report.InboundMessages} received message(s), {report.OutboxItems} outbox item(s), "
                        + $"{report.Deliveries} delivery(ies) ({report.Bytes} bytes) and deleted {report.DropFolderFiles} drop-folder archive file(s)");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The loop is the boundary: a failed run (store busy, disk) is reported and retried at the next tick.
                log($"retention purge failed: {e.GetType().Name}: {e.Message}");
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

    private sealed class Running(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await loop.ConfigureAwait(false);
            stop.Dispose();
        }
    }
}
