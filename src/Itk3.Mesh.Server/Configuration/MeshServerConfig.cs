using System.Text.Json;

namespace Itk3.Mesh.Server.Configuration;

/// <summary>What the server hosts: mailboxes, workflows, the GPPROVIDER table, the shared key and limits.</summary>
public sealed record MeshServerConfig
{
    /// <summary>The workflows for which <c>GPPROVIDER_…</c> addressing is allowed when none are configured (MESH.md §11.2).</summary>
    public static readonly IReadOnlyList<string> DefaultGpProviderWorkflows =
    [
        "TOC_FHIR_IP_DISCH", "TOC_FHIR_MH_DISCH", "TOC_FHIR_EC_DISCH", "TOC_FHIR_OP_ATTEN", "TOC_OUTP_ATT_DMS",
        "GPFED_CONSULT_REPORT", "GPFED_CONSULT_REPORT_ACK", "GPCONNECT_UPDATE_RECORD", "GPCONNECT_UPDATE_RECORD_ACK",
        "GPCONNECT_SEND_DOCUMENT",
    ];

    /// <summary>The HMAC key shared by every mailbox of the environment (the sandbox uses <c>TestKey</c>).</summary>
    public string SharedKey { get; set; } = "";

    /// <summary>The mailboxes the server hosts.</summary>
    public IReadOnlyList<MeshMailboxConfig> Mailboxes { get; set; } = [];

    /// <summary>Registered workflows (senders and receivers); also the data for endpoint lookup and workflow search.</summary>
    public IReadOnlyList<MeshWorkflowConfig> Workflows { get; set; } = [];

    /// <summary>When true (real MESH), a send is refused unless the sender and recipient are registered for the workflow.</summary>
    public bool EnforceWorkflowRegistration { get; set; } = true;

    /// <summary>The fake PDS table for GPPROVIDER routing: patient to registered practice.</summary>
    public IReadOnlyList<GpProviderEntry> GpProviders { get; set; } = [];

    /// <summary>Workflows that may be addressed to <c>GPPROVIDER_…</c>; null means <see cref="DefaultGpProviderWorkflows"/>.</summary>
    public IReadOnlyList<string>? GpProviderWorkflows { get; set; }

    /// <summary>When true, the admin endpoints (reset, inject REPORT, run expiry) are served, each behind <see cref="AdminToken"/>; off by default.</summary>
    public bool AdminEndpoints { get; set; }

    /// <summary>The bearer token every admin call must send (<c>Authorization: Bearer …</c>, at least 16 characters); required when <see cref="AdminEndpoints"/> is true.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Size, time and paging limits.</summary>
    public MeshLimits Limits { get; set; } = new();

    /// <summary>Loads and validates a JSON config file; throws <see cref="MeshConfigException"/> naming the bad field.</summary>
    public static MeshServerConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MeshConfigException("$", $"cannot read '{path}': {e.Message}", e);
        }

        return Parse(json);
    }

    /// <summary>Parses and validates JSON config text; throws <see cref="MeshConfigException"/> naming the bad field.</summary>
    public static MeshServerConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        MeshServerConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, ConfigJsonContext.Default.MeshServerConfig);
        }
        catch (JsonException e)
        {
            throw new MeshConfigException(e.Path ?? "$", e.Message, e);
        }

        if (config is null)
        {
            throw new MeshConfigException("$", "the document is null; expected an object");
        }

        config.Validate();
        return config;
    }

    /// <summary>Checks the config; throws <see cref="MeshConfigException"/> naming the first bad field.</summary>
    public void Validate() => ConfigValidator.Validate(this);

    /// <summary>The mailbox with this ID, or null.</summary>
    public MeshMailboxConfig? FindMailbox(string mailboxId) =>
        Mailboxes.FirstOrDefault(m => string.Equals(m.Id, mailboxId, StringComparison.Ordinal));

    /// <summary>The workflow with this ID, or null.</summary>
    public MeshWorkflowConfig? FindWorkflow(string workflowId) =>
        Workflows.FirstOrDefault(w => string.Equals(w.Id, workflowId, StringComparison.Ordinal));
}
