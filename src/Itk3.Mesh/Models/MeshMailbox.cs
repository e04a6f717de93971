namespace Itk3.Mesh.Models;

/// <summary>One mailbox returned by endpoint lookup or workflow search.</summary>
public sealed record MeshMailbox(string MailboxId, string? MailboxName);
