using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using Itk3.Fhir.Serialization.Tests.Support;
using Xunit.Abstractions;

namespace Itk3.Fhir.Serialization.Tests.Xml;

public sealed class XmlLargeBinaryTests(ITestOutputHelper output)
{
    [Fact]
    public void Parses_and_writes_a_20_MB_binary_allocating_little_more_than_a_raw_XmlReader()
    {
        var content = new byte[15 * 1024 * 1024];
        new Random(7).NextBytes(content);
        var base64 = Convert.ToBase64String(content);
        var xml = Encoding.UTF8.GetBytes($"<Binary xmlns=\"http://hl7.org/fhir\"><contentType value=\"application/pdf\" /><content value=\"{base64}\" /></Binary>");
        var written = new ArrayBufferWriter<byte>(xml.Length + 1024);
        var baseline = RawXmlReaderAllocations(xml);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = XmlTesting.Parse(xml);
        var parsed = GC.GetAllocatedBytesForCurrentThread() - before;
        FhirSerializer.Serialize(result.Root!, FhirFormat.Xml, written);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"input {xml.Length} B; parse+write {allocated} B ({Ratio(allocated, xml)}x), parse {Ratio(parsed, xml)}x, raw XmlReader reading the value {Ratio(baseline, xml)}x");
        Assert.Empty(result.Issues);
        Assert.Equal(base64, result.Root!.ChildValue("content"));
        Assert.True(written.WrittenSpan.SequenceEqual(xml));

        // XmlReader alone needs about 6x (its growing char buffer plus the UTF-16 string); the tree and writer add little.
        Assert.InRange(allocated, 0, baseline + xml.Length);
        Assert.InRange(allocated, 0, 6.5 * xml.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_base64_value_kept_from_json_is_written_to_xml_as_the_same_value_held_as_a_string(bool indented)
    {
        var content = new byte[300_000];
        new Random(11).NextBytes(content);
        var json = Encoding.UTF8.GetBytes($"{{\"resourceType\":\"Binary\",\"contentType\":\"application/pdf\",\"content\":\"{Convert.ToBase64String(content)}\"}}");
        var kept = FhirSerializer.Parse(json, FhirFormat.Json).Root!;
        Assert.True(kept.Child("content")!.TryGetUtf8Value(out _), "the attachment was not kept as UTF-8");
        var options = indented ? WriteOptions.Pretty : new WriteOptions();

        var fromKept = FhirSerializer.SerializeToBytes(kept, FhirFormat.Xml, options);
        var asString = FhirSerializer.Parse(new MemoryStream(fromKept), FhirFormat.Xml).Root!;
        Assert.False(asString.Child("content")!.TryGetUtf8Value(out _), "a stream's parse kept the value as UTF-8");
        var fromString = FhirSerializer.SerializeToBytes(asString, FhirFormat.Xml, options);

        Assert.Equal(Convert.ToBase64String(content), asString.ChildValue("content"));
        Assert.True(fromKept.AsSpan().SequenceEqual(fromString), Encoding.UTF8.GetString(fromKept)[..200] + " | " + Encoding.UTF8.GetString(fromString)[..200]);
    }

    [Fact]
    public void A_long_base64_value_is_kept_as_its_bytes_in_the_input_and_reads_as_the_same_string()
    {
        var base64 = Convert.ToBase64String(Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray());
        var xml = Encoding.UTF8.GetBytes($"<Binary xmlns=\"http://hl7.org/fhir\"><contentType value=\"application/pdf\"/><content value=\"{base64}\"/></Binary>");

        var content = XmlTesting.Parse(xml).Root!.Child("content")!;

        Assert.True(content.TryGetUtf8Value(out var utf8));
        Assert.True(MemoryMarshal.TryGetArray(utf8, out var segment) && ReferenceEquals(segment.Array, xml), "the value was copied");
        Assert.Equal(base64, content.Value);
    }

    private static long RawXmlReaderAllocations(byte[] xml)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var length = 0L;
        while (reader.Read())
        {
            while (reader.MoveToNextAttribute())
            {
                length += reader.Value.Length;
            }
        }

        Assert.True(length > xml.Length / 2);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Ratio(long bytes, byte[] input) => ((double)bytes / input.Length).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
}
