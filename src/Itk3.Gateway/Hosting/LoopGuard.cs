using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Reliability;

namespace Itk3.Gateway.Hosting;

/// <summary>Keeps a loop alive through unexpected failures (logged, then a short pause) while letting cancellation and simulated crashes end it.</summary>
internal static class LoopGuard
{
    /// <summary>Runs one pass; an unexpected failure counts as zero work after a pause.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> pass, GatewayNodeServices services, NodeEvents events, string loop, CancellationToken cancellationToken)
    {
        try
        {
            var done = await pass().ConfigureAwait(false);
            events.LoopSucceeded();
            return done;
        }
        catch (Exception e) when (e is not SimulatedCrashException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            events.LoopFailed(loop, e);
            await Task.Delay(services.IdleInterval, services.Clock, cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }
}
