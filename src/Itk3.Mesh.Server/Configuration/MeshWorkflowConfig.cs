namespace Itk3.Mesh.Server.Configuration;

/// <summary>A workflow ID and the mailboxes registered to send and to receive it (<c>*</c> means every mailbox).</summary>
public sealed record MeshWorkflowConfig
{
    /// <summary>The workflow ID, e.g. <c>TOC_FHIR_IP_DISCH</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Mailbox IDs allowed to send this workflow.</summary>
    public IReadOnlyList<string> Senders { get; set; } = [];

    /// <summary>Mailbox IDs registered to receive this workflow (what endpoint lookup returns).</summary>
    public IReadOnlyList<string> Receivers { get; set; } = [];
}
