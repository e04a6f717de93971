using Itk3.Gateway.Store;

namespace Itk3.Gateway.Sqlite;

/// <summary>The outcome of the store's last write: the error of a unit of work that failed, cleared by the next commit.</summary>
internal sealed class WriteHealth
{
    private volatile object? _lastError;

    /// <summary>The last write error, or null after a successful commit.</summary>
    public GatewayStoreError? LastError => _lastError is GatewayStoreError error ? error : null;

    /// <summary>Records a failed write.</summary>
    public void Failed(GatewayStoreError error) => _lastError = error;

    /// <summary>Records a commit.</summary>
    public void Committed() => _lastError = null;
}
