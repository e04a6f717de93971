using System.Buffers;
using Itk3.Gateway.Outbound;

namespace Itk3.Gateway.Tests;

/// <summary>The pooled writer the outgoing message is serialised into keeps every byte, in order, across its pieces.</summary>
public sealed class PooledBufferWriterTests
{
    [Theory]
    [InlineData(new[] { 10, 65_536, 1, 200_000, 3 }, 0)]
    [InlineData(new[] { 70_000, 70_000, 70_000 }, 100_000)]
    public void What_is_written_comes_back_whole_and_in_order_whatever_the_write_sizes_and_hints(int[] writes, int hint)
    {
        var random = new Random(7);
        var expected = new List<byte>();
        using var writer = new PooledBufferWriter();

        foreach (var size in writes)
        {
            var chunk = new byte[size];
            random.NextBytes(chunk);
            var span = writer.GetSpan(Math.Max(hint, 1));
            var part = Math.Min(span.Length, size);
            chunk.AsSpan(0, part).CopyTo(span);
            writer.Advance(part);
            chunk.AsSpan(part).CopyTo(writer.GetSpan(size - part));
            writer.Advance(size - part);
            expected.AddRange(chunk);
        }

        Assert.Equal(expected.Count, writer.Length);
        Assert.Equal(expected.ToArray(), BuffersExtensions.ToArray(writer.Written));
    }

    [Fact]
    public void Advancing_past_the_buffer_handed_out_is_refused()
    {
        using var writer = new PooledBufferWriter();
        var handedOut = writer.GetSpan(10).Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(handedOut + 1));
        Assert.Equal(0, writer.Length);
    }
}
