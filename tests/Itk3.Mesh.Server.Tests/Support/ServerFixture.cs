namespace Itk3.Mesh.Server.Tests.Support;

/// <summary>A fresh server per test on 127.0.0.1:0 with a manual clock and a seeded random source.</summary>
public sealed class ServerFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 5, 24, 26, TimeSpan.Zero);

    private ServerFixture(MeshServer server, ManualTimeProvider time, MeshTestClient client)
    {
        Server = server;
        Time = time;
        Client = client;
    }

    public MeshServer Server { get; }

    public ManualTimeProvider Time { get; }

    public MeshTestClient Client { get; }

    public static Task<ServerFixture> StartAsync(Configuration.MeshServerConfig? config = null, string? dataDirectory = null, ManualTimeProvider? time = null) =>
        StartAsync(config, dataDirectory, time, new Storage.JournalOptions());

    internal static async Task<ServerFixture> StartAsync(
        Configuration.MeshServerConfig? config, string? dataDirectory, ManualTimeProvider? time, Storage.JournalOptions journal)
    {
        time ??= new ManualTimeProvider(Start);
        var server = await MeshServer.StartAsync(new MeshServerOptions
        {
            Config = config ?? TestConfig.Create(),
            DataDirectory = dataDirectory,
            TimeProvider = time,
            Random = new Random(1234),
            Journal = journal,
        });
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        return new ServerFixture(server, time, new MeshTestClient(http, time));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
