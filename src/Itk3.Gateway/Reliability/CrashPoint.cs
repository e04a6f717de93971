namespace Itk3.Gateway.Reliability;

/// <summary>The named steps of the send and receive paths at which a test can kill the node.</summary>
public enum CrashPoint
{
    /// <summary>Inbound: the message is downloaded, nothing is stored yet.</summary>
    AfterDownloadBeforeCommit,

    /// <summary>Inbound: stored and committed, not yet acknowledged to MESH.</summary>
    AfterCommitBeforeAcknowledge,

    /// <summary>Inbound: acknowledged to MESH, not yet recorded as acknowledged.</summary>
    AfterAcknowledgeBeforeRecord,

    /// <summary>Outbound: an outbox item is claimed (leased), not yet sent.</summary>
    AfterClaimBeforeSend,

    /// <summary>Outbound: MESH accepted the send, the outbox item is not yet marked sent.</summary>
    AfterSendBeforeMarkSent,

    /// <summary>Delivery: the application took the payload, the delivery is not yet marked delivered.</summary>
    AfterDeliverBeforeMarkDelivered,
}
