namespace Itk3.Gateway.Store;

/// <summary>
/// The outcome of the store's recent writes. A full disk is remembered for <see cref="FullFor"/> after its last failure,
/// because small in-place writes still commit on a full disk and must not hide it; other errors clear at the next commit.
/// </summary>
/// <param name="clock">The store's clock.</param>
/// <remarks>Shared by the store implementations (SQLite, PostgreSQL), each recording its own failures.</remarks>
public sealed class WriteHealth(TimeProvider clock)
{
    /// <summary>How long a full-disk failure keeps the store reported full.</summary>
    public static readonly TimeSpan FullFor = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private GatewayStoreError? _error;
    private DateTimeOffset _fullAt = DateTimeOffset.MinValue;

    /// <summary>The recent write error, or null.</summary>
    public GatewayStoreError? LastError
    {
        get
        {
            lock (_gate)
            {
                return clock.GetUtcNow() - _fullAt < FullFor ? GatewayStoreError.StorageFull : _error;
            }
        }
    }

    /// <summary>Records a failed write.</summary>
    public void Failed(GatewayStoreError error)
    {
        lock (_gate)
        {
            if (error == GatewayStoreError.StorageFull)
            {
                _fullAt = clock.GetUtcNow();
            }
            else
            {
                _error = error;
            }
        }
    }

    /// <summary>Records a commit.</summary>
    public void Committed()
    {
        lock (_gate)
        {
            _error = null;
        }
    }
}
