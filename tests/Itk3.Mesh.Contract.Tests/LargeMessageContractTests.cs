using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;
using Xunit.Abstractions;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>A 200 MB message through client and server in one process, streamed both ways with bounded memory.</summary>
[Collection(ProcessMemoryCollection.Name)]
public sealed class LargeMessageContractTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Size = 200L * 1024 * 1024;
    private const int ChunkSize = 20 * 1024 * 1024;
    private const long MemoryBudget = 64L * 1024 * 1024;
    private const ulong Seed = 0xC0FFEE;
    private MeshEnvironment _mesh = null!;

    public async Task InitializeAsync() => _mesh = await MeshEnvironment.StartAsync();

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_200_MB_message_is_sent_and_received_in_ten_chunks_without_buffering_it(bool gzip)
    {
        var sender = _mesh.Client(Sender, ChunkSize);
        var receiver = _mesh.Client(_mesh.Options(Receiver) with { AcceptGzip = gzip });
        await sender.HandshakeAsync();
        await receiver.HandshakeAsync();

        MeshSendResult sent;
        (long Length, long FirstMismatch) received;
        long workingSet, heap;
        await using (var memory = MemorySampler.Start())
        {
            sent = await sender.SendAsync(new MeshSendRequest(Receiver, Workflow) { FileName = "big.bin", Compress = gzip }, new PatternStream(Size, Seed));
            await using var download = await receiver.DownloadAsync(sent.MessageId);
            received = await PatternVerifier.VerifyAsync(download.Content, Seed);
            await memory.DisposeAsync();
            (workingSet, heap) = (memory.PeakWorkingSetAboveBaseline, memory.PeakHeapAboveBaseline);
        }

        output.WriteLine($"gzip {gzip}: peak working set +{workingSet / 1048576.0:F1} MB, peak GC heap +{heap / 1048576.0:F1} MB");
        Assert.Equal(10, sent.ChunkCount);
        Assert.Equal((Size, -1L), received);
        Assert.InRange(heap, 0, MemoryBudget);
        Assert.InRange(workingSet, 0, MemoryBudget);
    }
}

/// <summary>Tests that measure the process's working set and GC heap run with no other test of this assembly at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process memory measurements";
}
