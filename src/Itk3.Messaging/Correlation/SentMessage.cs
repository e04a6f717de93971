namespace Itk3.Messaging.Correlation;

/// <summary>What a sender keeps about a message it sent: its ids, the flags it set and when it was sent.</summary>
public sealed record SentMessage(string MessageHeaderId, string? BundleIdentifier, string? BundleId, bool InfAckRequested, bool BusAckRequested, DateTimeOffset SentAt);
