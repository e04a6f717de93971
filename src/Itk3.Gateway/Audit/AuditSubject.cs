namespace Itk3.Gateway.Audit;

/// <summary>What an audit event is about; stored by name, so members are never renamed.</summary>
public enum AuditSubject
{
    /// <summary>A delivery to the local application.</summary>
    Delivery,

    /// <summary>A MESH send in the outbox (a payload or a response).</summary>
    OutboxItem,

    /// <summary>A message received from MESH.</summary>
    InboundMessage,

    /// <summary>An outbound transaction.</summary>
    Transaction,
}
