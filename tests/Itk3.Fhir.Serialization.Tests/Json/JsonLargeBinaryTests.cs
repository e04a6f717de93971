using System.Buffers;
using System.Text;

namespace Itk3.Fhir.Serialization.Tests.Json;

public sealed class JsonLargeBinaryTests
{
    // The caller sizes the output buffer from the input (plus headroom for the writer's last request), as a gateway
    // forwarding a known payload would; growing a buffer by doubling is the caller's policy, not the serializer's.
    private const int OutputHeadroom = 1024 * 1024;

    [Fact]
    public void Twenty_megabyte_binary_round_trips_allocating_less_than_a_twentieth_of_its_size()
    {
        var input = BinaryJson(15 * 1024 * 1024);
        WarmUp();

        var output = new ArrayBufferWriter<byte>(input.Length + OutputHeadroom);
        var before = GC.GetAllocatedBytesForCurrentThread();

        // The attachment stays a slice of the input (never a string) from the parse through the write.
        var result = FhirSerializer.Parse(input, FhirFormat.Json);
        FhirSerializer.Serialize(result.Root!, FhirFormat.Json, output);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.Success, string.Join(" | ", result.Issues));
        Assert.True(input.AsSpan().SequenceEqual(output.WrittenSpan), "the output differs from the input");
        Assert.True(allocated < input.Length / 20, $"allocated {allocated:N0} bytes for {input.Length:N0} bytes of input");
    }

    [Fact]
    public void Writing_a_twenty_megabyte_binary_allocates_almost_nothing_beyond_the_output_buffer()
    {
        var input = BinaryJson(15 * 1024 * 1024);
        var tree = FhirSerializer.Parse(input, FhirFormat.Json).Root!;
        var output = new ArrayBufferWriter<byte>(input.Length + OutputHeadroom);
        WarmUp();

        var before = GC.GetAllocatedBytesForCurrentThread();
        FhirSerializer.Serialize(tree, FhirFormat.Json, output);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(input.Length, output.WrittenCount);
        Assert.True(allocated < input.Length / 20, $"allocated {allocated:N0} bytes writing {input.Length:N0} bytes");
    }

    private static byte[] BinaryJson(int payloadBytes)
    {
        var payload = new byte[payloadBytes];
        new Random(42).NextBytes(payload);
        return Encoding.UTF8.GetBytes($"{{\"resourceType\":\"Binary\",\"contentType\":\"application/pdf\",\"content\":\"{Convert.ToBase64String(payload)}\"}}");
    }

    private static void WarmUp()
    {
        var small = Encoding.UTF8.GetBytes("{\"resourceType\":\"Binary\",\"contentType\":\"a\",\"content\":\"" + new string('A', 40_000) + "\"}");
        FhirSerializer.Serialize(FhirSerializer.Parse(small, FhirFormat.Json).Root!, FhirFormat.Json, new ArrayBufferWriter<byte>());
    }
}
