namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>One gateway node of the run: its mailbox, ODS code and role.</summary>
/// <param name="Name">The name in the event log and the data folder.</param>
/// <param name="Mailbox">The MESH mailbox.</param>
/// <param name="OdsCode">The ODS code (registered at MESH for endpoint lookups).</param>
/// <param name="ApiKey">The API key the tool uses for this node.</param>
internal sealed record NodeSpec(string Name, string Mailbox, string OdsCode, string ApiKey)
{
    /// <summary>The sending node.</summary>
    public static NodeSpec Hospital { get; } = new("hospital", "X26HOSP01", "RR8", "chaos-hospital-key");

    /// <summary>The receiving node, which delivers to the recording application.</summary>
    public static NodeSpec Practice { get; } = new("practice", "X26GPP001", "A12345", "chaos-practice-key");

    /// <summary>The MESH password of every mailbox in the run.</summary>
    public const string MeshPassword = "chaos-pass";

    /// <summary>The MESH shared key of the run.</summary>
    public const string SharedKey = "TestKey";

    /// <summary>The flow every transaction uses.</summary>
    public const string Flow = "TOC_FHIR_IP_DISCH";
}
