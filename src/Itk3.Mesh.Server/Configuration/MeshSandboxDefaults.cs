namespace Itk3.Mesh.Server.Configuration;

/// <summary>
/// A config with the NHS reference sandbox's canned data: shared key <c>TestKey</c>; mailboxes <c>X26ABC1</c>,
/// <c>X26ABC2</c> (ODS X26) and <c>X26ABC3</c> (ODS X27), all with password <c>password</c>; workflows <c>TEST_WORKFLOW</c>,
/// <c>TEST_WORKFLOW_ACK</c> and <c>TEST_WORKFLOW2</c>. Handy for contract tests written against the sandbox.
/// </summary>
public static class MeshSandboxDefaults
{
    /// <summary>The sandbox's shared key.</summary>
    public const string SharedKey = "TestKey";

    /// <summary>The password of every sandbox mailbox.</summary>
    public const string Password = "password";

    /// <summary>Creates the sandbox-like config; workflow registration is enforced only when asked (the sandbox never checks it).</summary>
    public static MeshServerConfig Create(bool enforceWorkflowRegistration = false) => new()
    {
        SharedKey = SharedKey,
        EnforceWorkflowRegistration = enforceWorkflowRegistration,
        Mailboxes =
        [
            new MeshMailboxConfig { Id = "X26ABC1", Password = Password, OdsCode = "X26", Name = "TESTMB1" },
            new MeshMailboxConfig { Id = "X26ABC2", Password = Password, OdsCode = "X26", Name = "TESTMB2" },
            new MeshMailboxConfig { Id = "X26ABC3", Password = Password, OdsCode = "X27", Name = "TESTMB3" },
        ],
        Workflows =
        [
            new MeshWorkflowConfig { Id = "TEST_WORKFLOW", Senders = ["X26ABC1"], Receivers = ["X26ABC2"] },
            new MeshWorkflowConfig { Id = "TEST_WORKFLOW_ACK", Senders = ["X26ABC2"], Receivers = ["X26ABC1", "X26ABC3"] },
            new MeshWorkflowConfig { Id = "TEST_WORKFLOW2", Senders = ["X26ABC1"], Receivers = ["*"] },
        ],
    };
}
