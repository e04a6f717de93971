namespace Itk3.Gateway.Hosting;

/// <summary>What a node's loops share: the signals that wake them when new work is queued, and the node's events.</summary>
internal sealed class NodeSignals(Diagnostics.NodeEvents events)
{
    /// <summary>The node's log events, metrics and recorded status.</summary>
    public Diagnostics.NodeEvents Events { get; } = events;

    /// <summary>Outbox items were queued.</summary>
    public WorkSignal Outbox { get; } = new();

    /// <summary>Deliveries were queued.</summary>
    public WorkSignal Deliveries { get; } = new();

    /// <summary>MESH should be polled now.</summary>
    public WorkSignal Inbox { get; } = new();

    /// <summary>Messages awaiting a business outcome as read on arrival (shared by the inbox and the outcome recorder).</summary>
    public Inbound.RecentReads Reads { get; } = new();

    /// <summary>Messages whose download failed and waits for another attempt (shared by the inbox and the health check).</summary>
    public Inbound.DownloadBackoff Downloads { get; } = new();
}
