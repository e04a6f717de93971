namespace Itk3.Mesh.Models;

/// <summary>The mailboxes registered for an (ODS code, workflow) pair, or receiving a workflow; empty when none.</summary>
public sealed record EndpointLookupResult(IReadOnlyList<MeshMailbox> Results)
{
    /// <summary>True when at least one mailbox matched.</summary>
    public bool Found => Results.Count > 0;
}
