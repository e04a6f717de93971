namespace Itk3.Gateway.Outbox;

/// <summary>Where an outbox item is; stored by name, so members are never renamed.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent (claimable when due and not leased).</summary>
    Pending,

    /// <summary>MESH accepted it.</summary>
    Sent,

    /// <summary>Given up; not claimed again unless an operator requeues it.</summary>
    DeadLettered,

    /// <summary>Closed by an operator (with a note on record); never sent.</summary>
    Resolved,
}
