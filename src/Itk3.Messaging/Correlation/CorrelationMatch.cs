namespace Itk3.Messaging.Correlation;

/// <summary>How a response's <c>response.identifier</c> matched a sent message.</summary>
public enum CorrelationMatch
{
    /// <summary>No sent message matched.</summary>
    None,

    /// <summary>Matched the sent MessageHeader.id (the specified way).</summary>
    MessageHeaderId,

    /// <summary>Matched the sent Bundle.identifier value (tolerated fallback).</summary>
    BundleIdentifier,

    /// <summary>Matched the sent Bundle.id (tolerated fallback).</summary>
    BundleId,
}
