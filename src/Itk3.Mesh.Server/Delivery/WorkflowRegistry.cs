using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Server.Delivery;

/// <summary>Answers who may send and who receives a workflow, from the configured registrations.</summary>
internal sealed class WorkflowRegistry(MeshServerConfig config)
{
    public bool CanSend(string mailboxId, string workflowId) =>
        config.FindWorkflow(workflowId) is { } w && Includes(w.Senders, mailboxId);

    public bool CanReceive(string mailboxId, string workflowId) =>
        config.FindWorkflow(workflowId) is { } w && Includes(w.Receivers, mailboxId);

    /// <summary>The mailboxes registered to receive a workflow, in configuration order.</summary>
    public IReadOnlyList<MeshMailboxConfig> Receivers(string workflowId) =>
        config.Mailboxes.Where(m => CanReceive(m.Id, workflowId)).ToList();

    private static bool Includes(IReadOnlyList<string> members, string mailboxId) =>
        members.Any(m => m == "*" || string.Equals(m, mailboxId, StringComparison.Ordinal));
}
