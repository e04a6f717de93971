namespace Itk3.Gateway.Store;

/// <summary>Messages sent (transactions created) and received on one flow over the last hour and day.</summary>
/// <param name="Flow">The flow (workflow id); "unknown" for received messages that named none.</param>
/// <param name="SentLastHour">Transactions created in the last hour.</param>
/// <param name="SentLastDay">Transactions created in the last 24 hours.</param>
/// <param name="ReceivedLastHour">Messages received in the last hour.</param>
/// <param name="ReceivedLastDay">Messages received in the last 24 hours.</param>
public sealed record FlowActivity(string Flow, int SentLastHour, int SentLastDay, int ReceivedLastHour, int ReceivedLastDay);
