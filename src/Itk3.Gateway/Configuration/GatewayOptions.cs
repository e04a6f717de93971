using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Configuration;

/// <summary>A node's configuration (the JSON file <c>itk3 serve --config</c> reads); every field has a working default.</summary>
public sealed record GatewayOptions
{
    /// <summary>This node's MESH mailbox id.</summary>
    public string Mailbox { get; init; } = "X26ABC1";

    /// <summary>This node's organisation ODS code (the ITK3 sender).</summary>
    public string OdsCode { get; init; } = "X26";

    /// <summary>MESH connection (or <c>embedded</c>).</summary>
    public MeshSettings Mesh { get; init; } = new();

    /// <summary>The folder for the SQLite store, the embedded MESH data and the drop folders; relative to the config file.</summary>
    public string DataDirectory { get; init; } = "itk3-data";

    /// <summary>The SQLite database file; <c>{dataDirectory}/gateway.db</c> when null.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>The store provider (<c>sqlite</c> or <c>postgres</c>) and its connection.</summary>
    public StoreSettings Store { get; init; } = new();

    /// <summary>This instance's name among several sharing a store (recorded on claims and the poller lease); host name and process id when null.</summary>
    public string? InstanceId { get; init; }

    /// <summary>A receiver profile JSON file (see samples/receiver-profile.json); permissive when null.</summary>
    public string? ReceiverProfilePath { get; init; }

    /// <summary>The receiver profile in line (used when <see cref="ReceiverProfilePath"/> is null).</summary>
    public ReceiverProfile? ReceiverProfile { get; init; }

    /// <summary>The flows this node handles; the discharge flow <c>TOC_FHIR_IP_DISCH</c> when empty.</summary>
    public IReadOnlyList<FlowSettings> Flows { get; init; } = [];

    /// <summary>Folders or files of StructureDefinitions, ValueSets and CodeSystems for the flows' <c>validate</c> option; relative to the config file, loaded once at start.</summary>
    public IReadOnlyList<string> ProfilePackages { get; init; } = [];

    /// <summary>How payloads reach the local application.</summary>
    public DeliverySettings Delivery { get; init; } = new();

    /// <summary>How long payload bytes are kept per kind (off by default); the background purge keeps every transaction record.</summary>
    public RetentionSettings Retention { get; init; } = new();

    /// <summary>A folder watched for submissions (<c>*.submit.json</c>, see docs/gateway-node.md); <c>{dataDirectory}/outgoing</c> when null, off when empty.</summary>
    public string? DropFolder { get; init; }

    /// <summary>Keep processed drop-folder payload files in <c>done/</c>; by default they are removed once submitted (they hold patient data).</summary>
    public bool DropFolderArchive { get; init; }

    /// <summary>The URL the HTTP API listens on (used when an API is composed in); empty turns the API off.</summary>
    public string ApiUrl { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The HTTP API's server certificate, needed when <see cref="ApiUrl"/> (or <c>--api-url</c>) is <c>https://</c>.</summary>
    public ApiCertificateSettings? ApiCertificate { get; init; }

    /// <summary>The HTTP API's accepted keys (header <c>X-Api-Key</c>), each with a name and scopes; none refuses every /api call.</summary>
    public IReadOnlyList<ApiKeySettings> ApiKeys { get; init; } = [];

    /// <summary>A file of further API keys, one a line (a mounted secret).</summary>
    public string? ApiKeysFile { get; init; }

    /// <summary>Health thresholds.</summary>
    public HealthSettings Health { get; init; } = new();

    /// <summary>Exports traces and metrics over OTLP to this endpoint (for example <c>http://otel-collector:4317</c>) when set.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>The most message bytes the node holds in memory at once (received messages read and stored, submissions built, each queue claim); a larger message is handled alone.</summary>
    public long MaxBytesInFlight { get; init; } = DefaultMaxBytesInFlight;

    /// <summary>The default of <see cref="MaxBytesInFlight"/>: 16 MiB.</summary>
    public const long DefaultMaxBytesInFlight = 16L * 1024 * 1024;

    /// <summary>The drop folder's full path, or null when it is switched off.</summary>
    public string? EffectiveDropFolder => DropFolder switch
    {
        null => Path.Combine(DataDirectory, "outgoing"),
        "" => null,
        var folder => Path.GetFullPath(folder, DataDirectory),
    };

    /// <summary>The SQLite database file's full path.</summary>
    public string EffectiveDatabasePath => DatabasePath ?? Path.Combine(DataDirectory, "gateway.db");

    /// <summary>The flows, with the default applied.</summary>
    public IReadOnlyList<FlowSettings> EffectiveFlows =>
        Flows.Count > 0 ? Flows : [new FlowSettings { WorkflowId = "TOC_FHIR_IP_DISCH" }];

    /// <summary>The flow with this workflow id (or its <c>_ACK</c> id), or null.</summary>
    public FlowSettings? FindFlow(string? workflowId) =>
        EffectiveFlows.FirstOrDefault(f => f.WorkflowId == workflowId || f.AckWorkflowId == workflowId);
}
