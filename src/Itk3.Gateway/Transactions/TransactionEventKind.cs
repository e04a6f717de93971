namespace Itk3.Gateway.Transactions;

/// <summary>What a timeline event records; stored by name, so members are never renamed.</summary>
public enum TransactionEventKind
{
    /// <summary>The transaction was created and its payload queued.</summary>
    Created,

    /// <summary>MESH accepted the payload.</summary>
    Sent,

    /// <summary>A send attempt failed and will be retried.</summary>
    SendFailed,

    /// <summary>The send was given up (dead-lettered).</summary>
    SendDeadLettered,

    /// <summary>MESH delivered a report about the payload.</summary>
    MeshReport,

    /// <summary>An infrastructure response arrived.</summary>
    InfrastructureResponse,

    /// <summary>A business response arrived.</summary>
    BusinessResponse,

    /// <summary>The gateway sent its own response (Full-Ack: to the business response).</summary>
    ResponseSent,

    /// <summary>The transaction completed.</summary>
    Completed,

    /// <summary>The transaction failed.</summary>
    Failed,

    /// <summary>An expected response did not arrive in time.</summary>
    TimedOut,

    /// <summary>Anything else worth showing.</summary>
    Note,

    /// <summary>An operator requeued or resolved something of it (the detail names who, what and the note).</summary>
    OperatorAction,
}
