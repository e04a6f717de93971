using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Store;

/// <summary>The numbers of the dashboard's overview, read in one snapshot.</summary>
/// <param name="At">The time the hour and day windows end at.</param>
/// <param name="Flows">Activity per flow, busiest first.</param>
/// <param name="ResponsesByCode">ITK3 responses received in the last 24 hours, per code, lowest code first.</param>
/// <param name="TransactionsByState">Transactions per state (every state present).</param>
/// <param name="Outbox">MESH sends waiting.</param>
/// <param name="Deliveries">Deliveries to the application waiting.</param>
public sealed record GatewayOverview(
    DateTimeOffset At,
    IReadOnlyList<FlowActivity> Flows,
    IReadOnlyList<KeyValuePair<string, int>> ResponsesByCode,
    IReadOnlyDictionary<TransactionState, int> TransactionsByState,
    QueueDepth Outbox,
    QueueDepth Deliveries)
{
    /// <summary>When the last message was received from MESH; null when none.</summary>
    public DateTimeOffset? LastReceivedAt { get; init; }

    /// <summary>When MESH last accepted a send; null when none.</summary>
    public DateTimeOffset? LastSentAt { get; init; }
}
