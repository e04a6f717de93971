using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Store;

namespace Itk3.Gateway.Reliability;

/// <summary>Runs a unit of work again when it lost a lock conflict with another one (rolled back whole, so running it again is safe).</summary>
internal static class ConflictRetry
{
    /// <summary>How many times a unit of work runs at most before its conflict is passed on to its loop.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Runs <paramref name="unit"/> (which begins, fills and commits one unit of work) until it does not lose a conflict.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> unit, NodeEvents events, string loop)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unit().ConfigureAwait(false);
            }
            catch (GatewayStoreException e) when (e.Error == GatewayStoreError.Conflict && attempt < MaxAttempts)
            {
                // The winner holds the rows now: the next attempt waits for its commit instead of colliding again.
                events.StoreConflict(loop, attempt);
            }
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for a unit of work without a result.</summary>
    public static Task RunAsync(Func<Task> unit, NodeEvents events, string loop) =>
        RunAsync(async () =>
        {
            await unit().ConfigureAwait(false);
            return true;
        }, events, loop);
}
