using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Building;

/// <summary>The values of one MessageHeader, shared by payload messages and responses.</summary>
internal sealed record HeaderParts(
    string Id,
    MessageEvent Event,
    HandlingSpecification Handling,
    string SenderUrl,
    string? ReceiverUrl,
    DateTimeOffset Timestamp,
    string SourceEndpoint)
{
    /// <summary>The <c>response</c> element of a response header, or null.</summary>
    public ElementNode? Response { get; init; }

    /// <summary>The focus reference, or null.</summary>
    public string? Focus { get; init; }
}
