namespace Itk3.Gateway.Store;

/// <summary>How many items wait in a queue and since when the oldest waits.</summary>
/// <param name="Count">Pending items.</param>
/// <param name="OldestAt">When the oldest pending item was queued; null when none.</param>
public sealed record QueueDepth(int Count, DateTimeOffset? OldestAt);
