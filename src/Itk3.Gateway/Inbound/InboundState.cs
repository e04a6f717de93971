namespace Itk3.Gateway.Inbound;

/// <summary>Where a received MESH message is in the gateway's handling; stored by name, so members are never renamed.</summary>
public enum InboundState
{
    /// <summary>Downloaded and stored; not yet validated.</summary>
    Received,

    /// <summary>Validated as an ITK3 message; the outcome is in <see cref="InboundMessage.ItkCode"/>.</summary>
    Validated,

    /// <summary>The responses it asked for are queued in the outbox.</summary>
    ResponsesQueued,

    /// <summary>Handed to the local application.</summary>
    DeliveredToApplication,

    /// <summary>The local application reported its business outcome and the business response is queued.</summary>
    BusinessOutcomeReported,

    /// <summary>Nothing more to do.</summary>
    Complete,

    /// <summary>Rejected with a negative infrastructure response; not processed further.</summary>
    Rejected,

    /// <summary>Could not be handled at all (for example not even a response could be built); needs a person.</summary>
    DeadLettered,
}
