using Itk3.Mesh.Retry;
using Itk3.Mesh.Server;
using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>
/// Our local MESH server on real Kestrel (127.0.0.1:0) plus clients for its mailboxes, all on one manual clock.
/// Restart keeps the data directory, so durability can be checked across server instances.
/// </summary>
public sealed class MeshEnvironment : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 5, 24, 26, TimeSpan.Zero);

    private readonly MeshServerConfig _config;
    private readonly List<MeshClient> _clients = [];
    private int _nonce;

    private MeshEnvironment(MeshServerConfig config, string dataDirectory, ManualTimeProvider time)
    {
        _config = config;
        DataDirectory = dataDirectory;
        Time = time;
    }

    public MeshServer Server { get; private set; } = null!;

    public ManualTimeProvider Time { get; }

    public string DataDirectory { get; }

    /// <summary>Starts a server; <paramref name="now"/> sets the shared clock (default: a fixed instant).</summary>
    public static async Task<MeshEnvironment> StartAsync(MeshServerConfig? config = null, DateTimeOffset? now = null)
    {
        var directory = Directory.CreateTempSubdirectory("itk3-mesh-contract-").FullName;
        var environment = new MeshEnvironment(config ?? ContractConfig.Create(), directory, new ManualTimeProvider(now ?? Start));
        await environment.StartServerAsync();
        return environment;
    }

    /// <summary>Stops the server and starts a new one over the same data directory (on a new port).</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        await StartServerAsync();
    }

    /// <summary>Options for a mailbox of this server; fresh nonces, the shared clock, instant retries.</summary>
    public MeshClientOptions Options(string mailbox, int chunkSize = MeshClientOptions.DefaultChunkSize) => new()
    {
        BaseUrl = Server.BaseAddress,
        MailboxId = mailbox,
        Password = ContractConfig.Password,
        SharedKey = ContractConfig.SharedKey,
        ChunkSize = chunkSize,
        TimeProvider = Time,
        NonceSource = () => $"nonce-{Interlocked.Increment(ref _nonce):D8}",
        Retry = new MeshRetryPolicy { MaxRetries = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
    };

    public MeshClient Client(string mailbox, int chunkSize = MeshClientOptions.DefaultChunkSize) => Track(new MeshClient(Options(mailbox, chunkSize)));

    public MeshClient Client(MeshClientOptions options) => Track(new MeshClient(options));

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await Server.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private MeshClient Track(MeshClient client)
    {
        _clients.Add(client);
        return client;
    }

    private async Task StartServerAsync() => Server = await MeshServer.StartAsync(new MeshServerOptions
    {
        Config = _config,
        DataDirectory = DataDirectory,
        TimeProvider = Time,
        Random = new Random(1234),
    });
}
