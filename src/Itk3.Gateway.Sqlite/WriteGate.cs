using Itk3.Gateway.Store;

namespace Itk3.Gateway.Sqlite;

/// <summary>Queues this process's units of work for the single SQLite writer without polling.</summary>
/// <remarks>SQLite's busy handler retries by sleeping, so eight threads contending through it spend most of their time
/// asleep while the lock is free; an async semaphore hands the lock over at once. Other processes still meet the
/// busy timeout on BEGIN IMMEDIATE.</remarks>
internal sealed class WriteGate(TimeSpan timeout)
{
    // Never disposed: a unit of work outliving its store still releases its pass safely (no wait handle is ever created).
    private readonly SemaphoreSlim semaphore = new(1, 1);

    public async Task<Pass> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await semaphore.WaitAsync(timeout, cancellationToken))
        {
            throw new GatewayStoreException(
                GatewayStoreError.Unavailable, $"No unit of work could start within {timeout.TotalSeconds:0.###} s: another one holds the writer.");
        }

        return new Pass(semaphore);
    }

    /// <summary>The right to write; released once, however often it is disposed.</summary>
    internal sealed class Pass(SemaphoreSlim semaphore) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
