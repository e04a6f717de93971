using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>The mailboxes and workflows of the contract suite (modelled on the sandbox's canned data).</summary>
public static class ContractConfig
{
    public const string SharedKey = "TestKey";
    public const string Password = "password";
    public const string Sender = "X26ABC1";
    public const string Receiver = "X26ABC2";
    public const string Other = "X26ABC3";
    public const string Workflow = "TEST_WORKFLOW";
    public const string AckWorkflow = "TEST_WORKFLOW_ACK";
    public const string Broadcast = "TEST_WORKFLOW2";

    public static MeshServerConfig Create(long maxRequestBytes = 100L * 1024 * 1024) => new()
    {
        SharedKey = SharedKey,
        Limits = new MeshLimits { MaxRequestBytes = maxRequestBytes },
        Mailboxes =
        [
            Mailbox(Sender, "X26", "TESTMB1"), Mailbox(Receiver, "X26", "TESTMB2"), Mailbox(Other, "X27", "TESTMB3"),
        ],
        Workflows =
        [
            new MeshWorkflowConfig { Id = Workflow, Senders = [Sender], Receivers = [Receiver] },
            new MeshWorkflowConfig { Id = AckWorkflow, Senders = [Receiver], Receivers = [Sender, Other] },
            new MeshWorkflowConfig { Id = Broadcast, Senders = [Sender], Receivers = ["*"] },
        ],
    };

    private static MeshMailboxConfig Mailbox(string id, string ods, string name) =>
        new() { Id = id, Password = Password, OdsCode = ods, Name = name };
}
