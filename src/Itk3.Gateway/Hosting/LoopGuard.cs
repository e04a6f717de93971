using Itk3.Gateway.Reliability;
using Itk3.Gateway.Store;

namespace Itk3.Gateway.Hosting;

/// <summary>Keeps a loop alive through unexpected failures (logged, then a short pause) while letting cancellation and simulated crashes end it.</summary>
internal static class LoopGuard
{
    /// <summary>Runs one pass; an unexpected failure counts as zero work after a pause.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> pass, GatewayNodeServices services, string loop, CancellationToken cancellationToken)
    {
        try
        {
            return await pass().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not SimulatedCrashException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            services.Log($"{loop} loop: {Describe(e)}");
            await Task.Delay(services.IdleInterval, services.Clock, cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }

    private static string Describe(Exception e) => e is GatewayStoreException store ? $"store {store.Error}" : $"{e.GetType().Name}: {e.Message}";
}
