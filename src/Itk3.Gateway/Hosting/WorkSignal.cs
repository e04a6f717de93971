using System.Threading.Channels;

namespace Itk3.Gateway.Hosting;

/// <summary>Wakes a loop early: <see cref="Set"/> ends the current or next <see cref="WaitAsync"/> at once.</summary>
internal sealed class WorkSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Signals that work is waiting.</summary>
    public void Set() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until signalled or until <paramref name="timeout"/> passes on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var read = _channel.Reader.WaitToReadAsync(linked.Token).AsTask();
        var delay = Task.Delay(timeout, clock, linked.Token);
        await Task.WhenAny(read, delay).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        _channel.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
