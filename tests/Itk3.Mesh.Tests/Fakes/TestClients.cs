using Itk3.Mesh.Retry;

namespace Itk3.Mesh.Tests.Fakes;

/// <summary>Builds clients over a fake transport with deterministic nonces, a fixed clock and instant retries.</summary>
public static class TestClients
{
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 30, 0, TimeSpan.Zero);

    public static MeshClientOptions Options(int chunkSize = MeshClientOptions.DefaultChunkSize, int maxRetries = 3)
    {
        var counter = 0;
        return new MeshClientOptions
        {
            BaseUrl = new Uri("https://mesh.example.test"),
            MailboxId = "x26abc1",
            Password = "password",
            SharedKey = "TestKey",
            ChunkSize = chunkSize,
            TimeProvider = new ManualTimeProvider(Now),
            NonceSource = () => $"00000000-0000-0000-0000-{Interlocked.Increment(ref counter):D12}",
            Retry = new MeshRetryPolicy { MaxRetries = maxRetries, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        };
    }

    public static MeshClient Create(FakeMeshHandler handler, int chunkSize = MeshClientOptions.DefaultChunkSize, int maxRetries = 3) =>
        new(Options(chunkSize, maxRetries), handler);
}
