using Itk3.Fhir.ElementModel;

namespace Itk3.Messaging.Building;

/// <summary>A built message bundle with the ids a sender keeps for correlation.</summary>
public sealed record BuiltMessage(ElementNode Bundle, string BundleId, string BundleIdentifier, string MessageHeaderId, DateTimeOffset Timestamp);
