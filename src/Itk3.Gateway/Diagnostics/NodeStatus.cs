namespace Itk3.Gateway.Diagnostics;

/// <summary>What a running node has recorded about itself (MESH calls, store, queues, certificate): health and metrics read this, never a live MESH call.</summary>
public sealed class NodeStatus
{
    private readonly Lock _gate = new();
    private MeshStatus _mesh = new(null, null, null, 0, null);
    private QueueSnapshot _queues = QueueSnapshot.Empty;
    private string? _storeError;

    /// <summary>The MESH side: last success and failure.</summary>
    public MeshStatus Mesh
    {
        get
        {
            lock (_gate)
            {
                return _mesh;
            }
        }
    }

    /// <summary>The last queue sample (depths and oldest ages), or <see cref="QueueSnapshot.Empty"/> before the first.</summary>
    public QueueSnapshot Queues => Volatile.Read(ref _queues);

    /// <summary>The last store error code, or null when the last unit of work committed.</summary>
    public string? StoreError => Volatile.Read(ref _storeError);

    /// <summary>When the MESH client certificate expires, when one is configured.</summary>
    public DateTimeOffset? CertificateExpiresAt { get; set; }

    /// <summary>Records a MESH call that succeeded; returns how long MESH had been failing before it (null when it was not).</summary>
    public TimeSpan? MeshSucceeded(DateTimeOffset at, bool handshake = false)
    {
        lock (_gate)
        {
            var outage = _mesh.ConsecutiveFailures > 0 && _mesh.FailingSince is { } since ? at - since : (TimeSpan?)null;
            _mesh = new MeshStatus(at, _mesh.LastFailureAt, null, 0, handshake ? at : _mesh.LastHandshakeAt);
            return outage;
        }
    }

    /// <summary>Records a MESH call that failed; returns true when it is the first failure of an outage.</summary>
    public bool MeshFailed(DateTimeOffset at)
    {
        lock (_gate)
        {
            var first = _mesh.ConsecutiveFailures == 0;
            _mesh = _mesh with { LastFailureAt = at, FailingSince = first ? at : _mesh.FailingSince, ConsecutiveFailures = _mesh.ConsecutiveFailures + 1 };
            return first;
        }
    }

    /// <summary>Records a store failure (its error code), or success with null; returns true when the state changed.</summary>
    public bool StoreResult(string? error) => !string.Equals(Interlocked.Exchange(ref _storeError, error), error, StringComparison.Ordinal);

    /// <summary>Records a queue sample.</summary>
    public void Sampled(QueueSnapshot snapshot) => Volatile.Write(ref _queues, snapshot);
}
