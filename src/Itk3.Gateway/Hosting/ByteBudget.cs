namespace Itk3.Gateway.Hosting;

/// <summary>A semaphore counted in bytes: bounds how many message bytes a node holds in memory at once, whatever the
/// number of messages. A request larger than the whole budget waits until nothing else is held and then takes all of it.
/// Waiters are served in arrival order, so a large message is not starved by small ones.</summary>
public sealed class ByteBudget
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(long Bytes, TaskCompletionSource Granted)> _waiting = new();
    private long _inUse;
    private long _peak;

    /// <summary>Creates a budget of <paramref name="capacity"/> bytes (at least 1).</summary>
    public ByteBudget(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>The most bytes held at once.</summary>
    public long Capacity { get; }

    /// <summary>The bytes held now.</summary>
    public long InUse
    {
        get
        {
            lock (_gate)
            {
                return _inUse;
            }
        }
    }

    /// <summary>The most bytes ever held at once (never above <see cref="Capacity"/>).</summary>
    public long PeakInUse
    {
        get
        {
            lock (_gate)
            {
                return _peak;
            }
        }
    }

    /// <summary>How many requests wait for room now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>What a request of <paramref name="bytes"/> takes: at least 1, at most the capacity.</summary>
    public long Charge(long bytes) => Math.Clamp(bytes, 1, Capacity);

    /// <summary>Waits until <paramref name="bytes"/> (clamped by <see cref="Charge"/>) fit, takes them, and returns the lease that gives them back.</summary>
    public async ValueTask<IDisposable> AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        var charge = Charge(bytes);
        LinkedListNode<(long, TaskCompletionSource)> node;
        lock (_gate)
        {
            if (_waiting.Count == 0 && _inUse + charge <= Capacity)
            {
                Take(charge);
                return new Lease(this, charge);
            }

            node = _waiting.AddLast((charge, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }

        try
        {
            await node.Value.Item2.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (node.List is not null)
                {
                    _waiting.Remove(node);
                    GrantWaiters();
                    throw;
                }
            }

            // Granted as the wait was cancelled: give it back.
            Release(charge);
            throw;
        }

        return new Lease(this, charge);
    }

    private void Take(long charge)
    {
        _inUse += charge;
        _peak = Math.Max(_peak, _inUse);
    }

    private void Release(long charge)
    {
        lock (_gate)
        {
            _inUse -= charge;
            GrantWaiters();
        }
    }

    private void GrantWaiters()
    {
        while (_waiting.First is { } first && _inUse + first.Value.Bytes <= Capacity)
        {
            _waiting.RemoveFirst();
            Take(first.Value.Bytes);
            first.Value.Granted.TrySetResult();
        }
    }

    private sealed class Lease(ByteBudget budget, long charge) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                budget.Release(charge);
            }
        }
    }
}
