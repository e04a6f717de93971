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
    public const string GpMailbox = "GP1MB01";
    public const string Discharge = "TOC_FHIR_IP_DISCH";

    /// <summary>A patient registered at the practice owning <see cref="GpMailbox"/> (valid NHS number check digit).</summary>
    public const string RegisteredPatient = "GPPROVIDER_9434765919_19670126_Smith";

    public static MeshServerConfig Create(long maxRequestBytes = 100L * 1024 * 1024) => new()
    {
        SharedKey = SharedKey,
        Limits = new MeshLimits { MaxRequestBytes = maxRequestBytes },
        Mailboxes =
        [
            Mailbox(Sender, "X26", "TESTMB1"), Mailbox(Receiver, "X26", "TESTMB2"), Mailbox(Other, "X27", "TESTMB3"),
            Mailbox(GpMailbox, "A81001", "Practice One"),
        ],
        Workflows =
        [
            new MeshWorkflowConfig { Id = Workflow, Senders = [Sender], Receivers = [Receiver] },
            new MeshWorkflowConfig { Id = AckWorkflow, Senders = [Receiver], Receivers = [Sender, Other] },
            new MeshWorkflowConfig { Id = Broadcast, Senders = [Sender], Receivers = ["*"] },
            new MeshWorkflowConfig { Id = Discharge, Senders = [Sender], Receivers = [GpMailbox] },
        ],
        GpProviders = [new GpProviderEntry { NhsNumber = "9434765919", DateOfBirth = "19670126", Surname = "Smith", OdsCode = "A81001" }],
    };

    private static MeshMailboxConfig Mailbox(string id, string ods, string name) =>
        new() { Id = id, Password = Password, OdsCode = ods, Name = name };
}
