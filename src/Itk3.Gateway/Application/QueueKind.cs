namespace Itk3.Gateway.Application;

/// <summary>Which queue an operator action targets.</summary>
public enum QueueKind
{
    /// <summary>Deliveries of accepted payloads to the local application.</summary>
    Delivery,

    /// <summary>MESH sends (payloads and responses).</summary>
    Outbox,
}
