using Itk3.Gateway.Hosting;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tracking;

/// <summary>Times out transactions whose expected response is overdue (per flow deadlines, ITK3 §10.5).</summary>
internal sealed class DeadlineMonitor(GatewayNodeServices services, Diagnostics.NodeEvents events)
{
    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await LoopGuard.RunAsync(() => RunOnceAsync(cancellationToken), services, events, "deadlines", cancellationToken).ConfigureAwait(false);
            var interval = services.IdleInterval < TimeSpan.FromMilliseconds(500) ? TimeSpan.FromMilliseconds(500) : services.IdleInterval;
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Times out every overdue transaction; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow();
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        var due = await work.Transactions.ListDueAsync(now, 500, cancellationToken).ConfigureAwait(false);
        foreach (var transaction in due)
        {
            var timedOut = TransactionProgress.TimedOut(transaction, now);
            await work.Transactions.UpdateAsync(timedOut, cancellationToken).ConfigureAwait(false);
            await work.Transactions.AppendEventAsync(new TransactionEvent(transaction.Id, now, TransactionEventKind.TimedOut, timedOut.FailureDetail, "timeout"), cancellationToken).ConfigureAwait(false);
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var transaction in due)
        {
            events.Finished(TransactionProgress.TimedOut(transaction, now), now);
        }

        return due.Count;
    }
}
