namespace Itk3.Gateway.Store;

/// <summary>The gateway's durable store: every change happens in a unit of work that commits atomically.</summary>
public interface IGatewayStore
{
    /// <summary>Starts a unit of work; nothing it writes is visible to others until it commits, and disposing it uncommitted rolls it back. Units of work may run concurrently; writes are serialised.</summary>
    Task<IGatewayUnitOfWork> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Why the last unit of work that failed on a write could not write (for health), or null once a later one committed.</summary>
    GatewayStoreError? LastWriteError { get; }
}
