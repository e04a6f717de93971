using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Server.Tests.Support;

/// <summary>The mailboxes, workflows and patients every test uses (modelled on the sandbox's canned data).</summary>
public static class TestConfig
{
    public const string SharedKey = "TestKey";
    public const string Password = "password";

    /// <summary>Patient registered at practice A81001 (one mailbox).</summary>
    public const string PatientAtGp1 = "9434765919";

    /// <summary>Patient registered at practice A81002 (two mailboxes: ambiguous).</summary>
    public const string PatientAtTwoMailboxes = "9434765870";

    /// <summary>Patient registered at practice A81003 (no mailbox).</summary>
    public const string PatientWithoutMailbox = "9000000017";

    /// <summary>A valid NHS number that is not in the table.</summary>
    public const string UnknownPatient = "9000000025";

    /// <summary>The admin token of <see cref="WithAdmin"/>.</summary>
    public const string AdminToken = "admin-token-0123456789";

    /// <summary>The test config with the admin endpoints on behind <see cref="AdminToken"/>.</summary>
    public static MeshServerConfig WithAdmin() => Create() with { AdminEndpoints = true, AdminToken = AdminToken };

    public static MeshServerConfig Create(bool enforceWorkflows = true, long maxRequestBytes = 100L * 1024 * 1024) => new()
    {
        SharedKey = SharedKey,
        EnforceWorkflowRegistration = enforceWorkflows,
        Limits = new MeshLimits { MaxRequestBytes = maxRequestBytes },
        Mailboxes =
        [
            Mailbox("X26ABC1", "X26", "TESTMB1"), Mailbox("X26ABC2", "X26", "TESTMB2"), Mailbox("X26ABC3", "X27", "TESTMB3"),
            Mailbox("GP1MB01", "A81001", "Practice One"), Mailbox("GP2MB01", "A81002", "Practice Two A"),
            Mailbox("GP2MB02", "A81002", "Practice Two B"),
        ],
        Workflows =
        [
            new MeshWorkflowConfig { Id = "TEST_WORKFLOW", Senders = ["X26ABC1"], Receivers = ["X26ABC2"] },
            new MeshWorkflowConfig { Id = "TEST_WORKFLOW_ACK", Senders = ["X26ABC2"], Receivers = ["X26ABC1", "X26ABC3"] },
            new MeshWorkflowConfig { Id = "TEST_WORKFLOW2", Senders = ["X26ABC1"], Receivers = ["*"] },
            new MeshWorkflowConfig { Id = "TOC_FHIR_IP_DISCH", Senders = ["X26ABC1"], Receivers = ["GP1MB01", "GP2MB01", "GP2MB02"] },
        ],
        GpProviders =
        [
            Patient(PatientAtGp1, "19670126", "Smith", "A81001"),
            Patient(PatientAtTwoMailboxes, "19800101", "Jones", "A81002"),
            Patient(PatientWithoutMailbox, "19900202", "Brown", "A81003"),
        ],
    };

    private static MeshMailboxConfig Mailbox(string id, string ods, string name) =>
        new() { Id = id, Password = Password, OdsCode = ods, Name = name };

    private static GpProviderEntry Patient(string nhs, string dob, string surname, string ods) =>
        new() { NhsNumber = nhs, DateOfBirth = dob, Surname = surname, OdsCode = ods };
}
