using Itk3.Mesh.Retry;
using Itk3.Mesh.Server;
using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Benchmarks;

/// <summary>Our MESH server (two mailboxes) and the raw baseline server, both on loopback Kestrel in this process.</summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    public const string Sender = "BENCH01";
    public const string Receiver = "BENCH02";
    public const string Bystander = "BENCH03";
    public const string Workflow = "BENCH_WORKFLOW";
    private const string Key = "BenchKey";
    private const string Password = "bench-password";

    private readonly string _directory;

    private BenchEnvironment(MeshServer mesh, RawServer raw, string directory)
    {
        Mesh = mesh;
        Raw = raw;
        _directory = directory;
    }

    public MeshServer Mesh { get; }

    public RawServer Raw { get; }

    /// <summary>Starts both servers storing under <paramref name="root"/> (null: the system temp directory).</summary>
    public static async Task<BenchEnvironment> StartAsync(string? root)
    {
        var config = new MeshServerConfig
        {
            SharedKey = Key,
            Mailboxes =
            [
                new MeshMailboxConfig { Id = Sender, Password = Password, OdsCode = "B01", Name = "Bench sender" },
                new MeshMailboxConfig { Id = Receiver, Password = Password, OdsCode = "B02", Name = "Bench receiver" },
                new MeshMailboxConfig { Id = Bystander, Password = Password, OdsCode = "B03", Name = "Bench bystander" },
            ],
            Workflows = [new MeshWorkflowConfig { Id = Workflow, Senders = [Sender], Receivers = [Receiver, Bystander] }],
        };
        var directory = Path.Combine(root ?? Path.GetTempPath(), "itk3-mesh-bench-" + Environment.ProcessId);
        var mesh = await MeshServer.StartAsync(new MeshServerOptions { Config = config, DataDirectory = directory });
        return new BenchEnvironment(mesh, await RawServer.StartAsync(root ?? Path.GetTempPath()), directory);
    }

    /// <summary>A client for one mailbox; transport gzip off so the wire carries the same bytes as the raw baseline.</summary>
    public MeshClient Client(string mailbox, int chunkSize = MeshClientOptions.DefaultChunkSize) => new(new MeshClientOptions
    {
        BaseUrl = Mesh.BaseAddress,
        MailboxId = mailbox,
        Password = Password,
        SharedKey = Key,
        ChunkSize = chunkSize,
        AcceptGzip = false,
        Retry = MeshRetryPolicy.None,
    });

    /// <summary>A plain HttpClient for the baseline server.</summary>
    public HttpClient RawClient() => new(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None })
    {
        BaseAddress = Raw.BaseAddress,
        Timeout = TimeSpan.FromMinutes(10),
    };

    public async ValueTask DisposeAsync()
    {
        await Mesh.DisposeAsync();
        await Raw.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
