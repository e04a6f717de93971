using System.Buffers;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Testing.Gateway;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Gateway.Sqlite.Tests;

/// <summary>Large outbox content goes into the database piece by piece (zeroblob + SqliteBlob) and comes out as a stream read from the file.</summary>
public sealed class OutboxContentStreamingTests : IAsyncLifetime
{
    private readonly SqliteStoreHarness harness = new();

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [InlineData(SqlSession.BlobPieceBytes)]
    [InlineData(SqlSession.BlobPieceBytes + 1)]
    [InlineData((3 * 1024 * 1024) + 12345)]
    public async Task Content_of_any_size_is_stored_exactly_and_streamed_back_from_the_store(int size)
    {
        var content = Random(size, seed: size);
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
        await EnqueueAsync(store, GatewaySamples.Outbox("O1") with { Content = content });

        await using var stream = await store.OpenOutboxContentAsync("O1", Ct);
        var streamed = new MemoryStream();
        await stream!.CopyToAsync(streamed, Ct);
        stream.Position = 10;

        Assert.Equal(content, streamed.ToArray());
        Assert.Equal(((long)size, content[10]), (stream.Length, (byte)stream.ReadByte()));
        Assert.Equal(content, await store.GetOutboxContentAsync("O1", Ct));
        Assert.Null(await store.OpenOutboxContentAsync("absent", Ct));
    }

    [Fact]
    public async Task A_claim_without_content_leaves_it_in_the_store_and_one_with_content_loads_it()
    {
        var content = Random(2 * 1024 * 1024, seed: 2);
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
        await EnqueueAsync(store, GatewaySamples.Outbox("O1") with { Content = content });

        var light = await ClaimAsync(store, new LeaseRequest(At(1), TimeSpan.FromSeconds(1), "a", 10) { WithoutContent = true });
        var full = await ClaimAsync(store, new LeaseRequest(At(2), TimeSpan.FromSeconds(1), "b", 10));

        Assert.Equal(("O1", 0), (light.Id, light.Content.Length));
        Assert.Equal(content, full.Content.ToArray());
    }

    [Fact]
    public async Task A_large_enqueue_under_a_repeated_id_changes_nothing()
    {
        var first = Random(300_000, seed: 1);
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
        Assert.True(await EnqueueAsync(store, GatewaySamples.Outbox("O1") with { Content = first }));

        Assert.False(await EnqueueAsync(store, GatewaySamples.Outbox("O1") with { Content = Random(400_000, seed: 3) }));
        Assert.Equal(first, await store.GetOutboxContentAsync("O1", Ct));
    }

    [Fact]
    public async Task A_large_enqueue_on_a_full_disk_fails_as_storage_full_and_stores_nothing()
    {
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options with { MaxDatabaseBytes = 1024 * 1024 }, TimeProvider.System, Ct);

        var failure = await Assert.ThrowsAsync<GatewayStoreException>(() => EnqueueAsync(store, GatewaySamples.Outbox("O1") with { Content = Random(3 * 1024 * 1024, seed: 4) }));

        Assert.Equal(GatewayStoreError.StorageFull, failure.Error);
        Assert.Null(await store.GetOutboxItemAsync("O1", Ct));
    }

    [Theory]
    [InlineData(new[] { 1000, 1, 2000 })]
    [InlineData(new[] { 100_000, 1, 70_000, SqlSession.BlobPieceBytes })]
    public async Task Content_handed_over_in_pieces_is_stored_exactly_as_their_concatenation(int[] sizes)
    {
        var pieces = sizes.Select((size, i) => Random(size, seed: i)).ToArray();
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
        await using (var work = await store.BeginAsync(Ct))
        {
            Assert.True(await work.Outbox.EnqueueAsync(GatewaySamples.Outbox("O1"), Pieces.Of(pieces), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Equal(pieces.SelectMany(p => p).ToArray(), await store.GetOutboxContentAsync("O1", Ct));
    }

    [Fact]
    public async Task Delivery_content_is_streamed_back_from_the_store_exactly_and_an_unknown_delivery_has_none()
    {
        var content = Random((2 * 1024 * 1024) + 7, seed: 5);
        await using var store = await SqliteGatewayStore.OpenAsync(harness.Options, TimeProvider.System, Ct);
        await using (var work = await store.BeginAsync(Ct))
        {
            Assert.True(await work.Deliveries.EnqueueAsync(GatewaySamples.Delivery("D1", "K1") with { Content = content }, Ct));
            await work.CommitAsync(Ct);
        }

        await using var stream = await store.OpenDeliveryContentAsync("D1", Ct);
        var streamed = new MemoryStream();
        await stream!.CopyToAsync(streamed, Ct);

        Assert.Equal(content, streamed.ToArray());
        Assert.Equal(content.Length, stream.Length);
        Assert.Null(await store.OpenDeliveryContentAsync("absent", Ct));
    }

    private static byte[] Random(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<bool> EnqueueAsync(SqliteGatewayStore store, OutboxItem item)
    {
        await using var work = await store.BeginAsync(Ct);
        var added = await work.Outbox.EnqueueAsync(item, Ct);
        await work.CommitAsync(Ct);
        return added;
    }

    private static async Task<OutboxItem> ClaimAsync(SqliteGatewayStore store, LeaseRequest request)
    {
        await using var work = await store.BeginAsync(Ct);
        var claimed = Assert.Single(await work.Outbox.ClaimAsync(request, Ct));
        await work.CommitAsync(Ct);
        return claimed;
    }
}

/// <summary>A byte sequence in several pieces, as a pooled buffer writer hands it over.</summary>
internal sealed class Pieces : ReadOnlySequenceSegment<byte>
{
    private Pieces(byte[] bytes, long runningIndex)
    {
        Memory = bytes;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Of(byte[][] pieces)
    {
        var first = new Pieces(pieces[0], 0);
        var last = first;
        foreach (var bytes in pieces.Skip(1))
        {
            var next = new Pieces(bytes, last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
