namespace Itk3.Gateway.Transactions;

/// <summary>Where an outbound transaction is; stored by name, so members are never renamed.</summary>
public enum TransactionState
{
    /// <summary>The payload is queued in the outbox, not yet accepted by MESH.</summary>
    Queued,

    /// <summary>MESH accepted the payload; responses are awaited.</summary>
    Sent,

    /// <summary>A positive infrastructure response (20013) arrived; a business response is awaited.</summary>
    InfrastructureOk,

    /// <summary>Every expected response arrived and was positive.</summary>
    Complete,

    /// <summary>A negative response, a MESH error report or an undeliverable send ended it (ITK3 §10.5).</summary>
    Failed,

    /// <summary>An expected response did not arrive before its deadline (ITK3 §10.5).</summary>
    TimedOut,
}
