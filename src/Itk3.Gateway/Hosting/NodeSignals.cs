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
}
