using System.Runtime.InteropServices;
using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Testing;
using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Long base64Binary values read from JSON are kept as UTF-8 slices of the input, decoded only when read, and written
/// from their bytes: the tree must still say exactly what the input said, in both formats and through both entry points.
/// </summary>
public sealed class JsonKeptValueTests
{
    private const int AttachmentBytes = 300_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Json_round_trip_of_a_large_attachment_is_byte_exact(bool pretty)
    {
        var input = Json(SampleContent.AttachmentBundle(AttachmentBytes), pretty);
        var parsed = FhirSerializer.Parse(input, FhirFormat.Json);

        Assert.True(parsed.Success, string.Join(" | ", parsed.Issues));
        Assert.True(Content(parsed.Root!).TryGetUtf8Value(out _));
        Assert.Equal(input, FhirSerializer.SerializeToBytes(parsed.Root!, FhirFormat.Json, pretty ? WriteOptions.Pretty : WriteOptions.Compact));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Json_to_xml_of_a_large_attachment_matches_the_xml_of_the_original_tree(bool pretty)
    {
        var original = SampleContent.AttachmentBundle(AttachmentBytes);
        var options = pretty ? WriteOptions.Pretty : WriteOptions.Compact;
        var parsed = FhirSerializer.Parse(Json(original, pretty), FhirFormat.Json).Root!;

        Assert.True(Content(parsed).TryGetUtf8Value(out _));
        Assert.Equal(FhirSerializer.SerializeToBytes(original, FhirFormat.Xml, options), FhirSerializer.SerializeToBytes(parsed, FhirFormat.Xml, options));
        Assert.True(Content(parsed).TryGetUtf8Value(out _), "writing must not replace the kept bytes");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_kept_attachment_is_written_exactly_to_an_output_that_hands_out_the_smallest_pieces_allowed(bool pretty)
    {
        var options = pretty ? WriteOptions.Pretty : WriteOptions.Compact;
        var input = Json(SampleContent.AttachmentBundle(AttachmentBytes), pretty);
        var output = new MinimalPieceWriter();

        FhirSerializer.Serialize(FhirSerializer.Parse(input, FhirFormat.Json).Root!, FhirFormat.Json, output, options);

        Assert.Equal(input, output.Written.ToArray());
    }

    [Fact]
    public void Value_of_a_kept_attachment_is_the_decoded_text_and_is_decoded_once()
    {
        var original = SampleContent.AttachmentBundle(AttachmentBytes);
        var content = Content(FhirSerializer.Parse(Json(original), FhirFormat.Json).Root!);

        Assert.Equal(Content(original).Value, content.Value);
        Assert.Same(content.Value, content.Value);
        Assert.True(content.HasValue);
        Assert.True(content.TryGetUtf8Value(out var utf8));
        Assert.Equal(Encoding.ASCII.GetBytes(Content(original).Value!), utf8.ToArray());
    }

    [Fact]
    public void Bytes_parse_keeps_the_attachment_as_a_slice_of_the_callers_memory()
    {
        var input = Json(SampleContent.AttachmentBundle(AttachmentBytes));

        var content = Content(FhirSerializer.Parse(input, FhirFormat.Json).Root!);

        Assert.True(content.TryGetUtf8Value(out var utf8));
        Assert.True(MemoryMarshal.TryGetArray(utf8, out var segment));
        Assert.Same(input, segment.Array);
    }

    [Fact]
    public void Stream_parse_keeps_attachments_correct_after_its_pooled_buffer_is_reused()
    {
        // Same-sized inputs, parsed one after another on one thread: the second parse rents the buffer the first returned.
        var first = SampleContent.AttachmentBundle(AttachmentBytes, seed: 1);
        var second = SampleContent.AttachmentBundle(AttachmentBytes, seed: 2);
        var firstTree = FhirSerializer.Parse(new MemoryStream(Json(first)), FhirFormat.Json).Root!;
        var secondTree = FhirSerializer.Parse(new NonSeekableStream(Json(second), 64 * 1024), FhirFormat.Json).Root!;
        var thirdTree = FhirSerializer.Parse(new MemoryStream(Json(second)), FhirFormat.Json).Root!;

        Assert.True(Content(firstTree).TryGetUtf8Value(out var firstBytes));
        Assert.Equal(Encoding.ASCII.GetBytes(Content(first).Value!), firstBytes.ToArray());
        Assert.Equal(Content(first).Value, Content(firstTree).Value);
        Assert.Equal(Content(second).Value, Content(secondTree).Value);
        Assert.Equal(Content(second).Value, Content(thirdTree).Value);
    }

    [Theory]
    [InlineData("!")]
    [InlineData("A=AA")]
    [InlineData("AAA")]
    [InlineData("=====")]
    [InlineData("é")]
    public void Invalid_long_base64_is_reported_with_the_code_and_position_of_a_short_one(string damage)
    {
        var longResult = Parse(BinaryJson(new string('A', 400) + damage));
        var shortResult = Parse(BinaryJson(new string('A', 40) + damage));

        var longIssue = Single(longResult, "primitive-invalid");
        var shortIssue = Single(shortResult, "primitive-invalid");
        Assert.Equal("Binary.content", longIssue.Location);
        Assert.Equal(new SourcePosition(4, 3), longIssue.Position);
        Assert.Equal(shortIssue.Position, longIssue.Position);
    }

    [Fact]
    public void Positions_after_a_kept_attachment_count_its_characters()
    {
        var result = Parse("{\n  \"resourceType\": \"Binary\",\n  \"content\": \"" + new string('Q', 1000) + "\", \"unknown\": 1,\n  \"other\": 2\n}");

        var issues = result.Issues.Where(issue => issue.Code == "element-unknown").Select(issue => issue.Position).ToList();
        Assert.Equal([new SourcePosition(3, 1018), new SourcePosition(4, 3)], issues);
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(300, true)]
    public void Only_long_unescaped_values_are_kept_as_bytes(int length, bool kept)
    {
        var plain = ParseValid(BinaryJson(new string('A', length)));
        var escaped = ParseValid(BinaryJson("\\u0041" + new string('A', length - 1)));

        Assert.Equal(kept, plain.Child("content")!.TryGetUtf8Value(out _));
        Assert.False(escaped.Child("content")!.TryGetUtf8Value(out _));
        Assert.Equal(new string('A', length), escaped.Child("content")!.Value);
    }

    private static string BinaryJson(string content) =>
        "{\n  \"resourceType\": \"Binary\",\n  \"contentType\": \"application/pdf\",\n  \"content\": \"" + content + "\"\n}";

    private static byte[] Json(ElementNode tree, bool pretty = true) =>
        FhirSerializer.SerializeToBytes(tree, FhirFormat.Json, pretty ? WriteOptions.Pretty : WriteOptions.Compact);

    private static ElementNode Content(ElementNode bundle) =>
        bundle.ChildrenNamed("entry").Select(entry => entry.Child("resource")!).Single(resource => resource.ResourceType == "Binary").Child("content")!;

    /// <summary>An output whose every span is exactly as long as asked (at least one byte), as the contract allows.</summary>
    private sealed class MinimalPieceWriter : System.Buffers.IBufferWriter<byte>
    {
        private byte[] _piece = [];

        public List<byte> Written { get; } = [];

        public void Advance(int count) => Written.AddRange(_piece.AsSpan(0, count));

        public Memory<byte> GetMemory(int sizeHint = 0) => _piece = new byte[Math.Max(1, sizeHint)];

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
