using System.Threading.Channels;
using Itk3.Gateway.Chaos.Cluster;

namespace Itk3.Gateway.Chaos.Recording;

/// <summary>The application's second half: reports business outcome 30001 for each payload it took, retrying while the node is down.</summary>
internal sealed class OutcomeReporter(Channel<string> outcomes, NodeApi practice)
{
    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var meshMessageId in outcomes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                while (!await TryReportAsync(meshMessageId, cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TryReportAsync(string meshMessageId, CancellationToken cancellationToken)
    {
        try
        {
            return await practice.ReportOutcomeAsync(meshMessageId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
