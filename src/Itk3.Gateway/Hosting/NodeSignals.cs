namespace Itk3.Gateway.Hosting;

/// <summary>The signals that wake a node's loops when new work is queued.</summary>
internal sealed class NodeSignals
{
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
