using Itk3.Mesh.Retry;
using Itk3.Mesh.Server;
using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Benchmarks;

/// <summary>Our MESH server (two mailboxes) and the raw baseline server, both on loopback Kestrel in this process.</summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    public const string Sender = "BENCH01";
    public const string Receiver = "BENCH02";
    public const string Workflow = "BENCH_WORKFLOW";
    private const string Key = "BenchKey";
    private const string Password = "bench-password";

    private BenchEnvironment(MeshServer mesh, RawServer raw)
    {
        Mesh = mesh;
        Raw = raw;
    }

    public MeshServer Mesh { get; }

    public RawServer Raw { get; }

    public static async Task<BenchEnvironment> StartAsync()
    {
        var config = new MeshServerConfig
        {
            SharedKey = Key,
            Mailboxes =
            [
                new MeshMailboxConfig { Id = Sender, Password = Password, OdsCode = "B01", Name = "Bench sender" },
                new MeshMailboxConfig { Id = Receiver, Password = Password, OdsCode = "B02", Name = "Bench receiver" },
            ],
            Workflows = [new MeshWorkflowConfig { Id = Workflow, Senders = [Sender], Receivers = [Receiver] }],
        };
        var mesh = await MeshServer.StartAsync(new MeshServerOptions { Config = config });
        return new BenchEnvironment(mesh, await RawServer.StartAsync());
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
    }
}
