namespace Itk3.Gateway.Inbound;

/// <summary>Decides which of the node instances sharing a store polls a MESH mailbox: exactly one at a time.</summary>
public interface IPollerElection
{
    /// <summary>Takes or renews this instance's lease on polling the mailbox (the heartbeat, called before every poll); true while it leads.</summary>
    Task<bool> TryLeadAsync(string mailbox, CancellationToken cancellationToken);

    /// <summary>Gives the lease up (at shutdown), so another instance takes over at once instead of after the lease expires.</summary>
    Task ResignAsync(string mailbox, CancellationToken cancellationToken);
}
