using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Contract.Tests.Witness;

/// <summary>
/// Where the witness suite runs: our own server (default, on 127.0.0.1:0 with a manual clock), or any MESH named by
/// <c>ITK3_MESH_WITNESS_URL</c> (the NHS sandbox, INT) with mailboxes and credentials from the environment
/// (see docs/mesh-server.md, "Witness suite").
/// </summary>
public sealed class WitnessTarget : IAsyncDisposable
{
    public const string UrlVariable = "ITK3_MESH_WITNESS_URL";
    public const string DisabledVariable = "ITK3_MESH_WITNESS_DISABLED";
    public const string AdminVariable = "ITK3_MESH_WITNESS_ADMIN";
    public const string DisabledMailbox = "X26DIS01";

    private readonly MeshEnvironment? _local;
    private readonly List<MeshClient> _clients = [];
    private readonly HttpClient? _admin;

    private WitnessTarget(MeshEnvironment? local, Uri? url)
    {
        _local = local;
        if (url is not null && Environment.GetEnvironmentVariable(AdminVariable) == "sandbox")
        {
            _admin = new HttpClient { BaseAddress = url };
        }

        (SenderId, SenderPassword) = Credentials("ITK3_MESH_WITNESS_SENDER", ContractConfig.Sender);
        (ReceiverId, ReceiverPassword) = Credentials("ITK3_MESH_WITNESS_RECEIVER", ContractConfig.Receiver);
        Workflow = Environment.GetEnvironmentVariable("ITK3_MESH_WITNESS_WORKFLOW") ?? ContractConfig.Workflow;
        Url = url;
    }

    /// <summary>The external MESH, or null for our own server.</summary>
    public Uri? Url { get; }

    public string SenderId { get; }

    public string ReceiverId { get; }

    public string Workflow { get; }

    private string SenderPassword { get; }

    private string ReceiverPassword { get; }

    /// <summary>Whether a disabled mailbox is available (always locally; externally when ITK3_MESH_WITNESS_DISABLED names one).</summary>
    public static bool HasDisabledMailbox => External is null || Environment.GetEnvironmentVariable(DisabledVariable) is { Length: > 0 };

    /// <summary>Whether non-delivery can be produced: locally by moving the clock 5 days; on a sandbox through its admin endpoint.</summary>
    public static bool CanProduceNonDelivery => External is null || Environment.GetEnvironmentVariable(AdminVariable) == "sandbox";

    private static string? External => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    public static async Task<WitnessTarget> StartAsync()
    {
        if (External is { } url)
        {
            return new WitnessTarget(null, new Uri(url));
        }

        var config = ContractConfig.Create();
        config = config with
        {
            Mailboxes = [.. config.Mailboxes, new MeshMailboxConfig { Id = DisabledMailbox, Password = ContractConfig.Password, OdsCode = "X26", Disabled = true }],
        };
        return new WitnessTarget(await MeshEnvironment.StartAsync(config), null);
    }

    public MeshClient Sender(int chunkSize = MeshClientOptions.DefaultChunkSize) => Client(SenderId, SenderPassword, chunkSize);

    public MeshClient Receiver() => Client(ReceiverId, ReceiverPassword);

    /// <summary>A client of the disabled mailbox.</summary>
    public MeshClient Disabled()
    {
        var (id, password) = Credentials(DisabledVariable, DisabledMailbox);
        return Client(id, password);
    }

    /// <summary>Makes <paramref name="messageId"/> undeliverable: 5 days pass locally; a sandbox is told to report it.</summary>
    public async Task ProduceNonDeliveryAsync(string messageId)
    {
        if (_local is not null)
        {
            _local.Time.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
            await _local.Server.RunExpiryAsync();
            return;
        }

        // The sandbox has no expiry: its admin endpoint puts the REPORT real MESH would send into the sender's inbox.
        using var response = await _admin!.PostAsJsonAsync("/messageexchange/admin/report", new Dictionary<string, string>
        {
            ["mailbox_id"] = SenderId, ["code"] = "14", ["event"] = "TRANSFER", ["workflow_id"] = Workflow,
            ["description"] = "Message not collected by recipient after 5 days", ["linked_message_id"] = messageId,
        });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        _admin?.Dispose();
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }
    }

    /// <summary>A bare HTTP client for the receiver that signs each request (to see statuses the client library hides).</summary>
    public HttpClient RawReceiver()
    {
        var options = Options(ReceiverId, ReceiverPassword, MeshClientOptions.DefaultChunkSize);
        var handler = new Authentication.MeshAuthenticationHandler(options) { InnerHandler = Http.MeshTransport.CreateHandler(options) };
        return new HttpClient(handler) { BaseAddress = options.BaseUrl };
    }

    private MeshClient Client(string mailbox, string password, int chunkSize = MeshClientOptions.DefaultChunkSize)
    {
        var client = new MeshClient(Options(mailbox, password, chunkSize));
        _clients.Add(client);
        return client;
    }

    private MeshClientOptions Options(string mailbox, string password, int chunkSize)
    {
        return _local is not null ? _local.Options(mailbox, chunkSize) with { Password = password } : new MeshClientOptions
        {
            BaseUrl = Url!,
            MailboxId = mailbox,
            Password = password,
            SharedKey = Environment.GetEnvironmentVariable("ITK3_MESH_WITNESS_KEY") ?? ContractConfig.SharedKey,
            ChunkSize = chunkSize,
            ClientCertificate = Environment.GetEnvironmentVariable("ITK3_MESH_WITNESS_CERT") is { Length: > 0 } cert
                ? X509CertificateLoader.LoadPkcs12FromFile(cert, Environment.GetEnvironmentVariable("ITK3_MESH_WITNESS_CERT_PASSWORD"))
                : null,
            TrustedRoots = Roots(Environment.GetEnvironmentVariable("ITK3_MESH_WITNESS_CA")),
        };
    }

    private static X509Certificate2Collection? Roots(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots;
    }

    /// <summary><c>MAILBOX:password</c> from a variable, else the default mailbox with the contract password.</summary>
    private static (string Mailbox, string Password) Credentials(string variable, string fallback)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            return (fallback, ContractConfig.Password);
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (value, ContractConfig.Password) : (value[..colon], value[(colon + 1)..]);
    }
}
