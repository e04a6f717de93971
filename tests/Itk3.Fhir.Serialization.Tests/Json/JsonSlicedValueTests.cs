using System.Runtime.InteropServices;
using System.Text;
using Itk3.Fhir.ElementModel;
using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Mid-length plain ASCII values read from JSON are kept as slices of the input once their lexical form is checked, and
/// become strings only when read: the tree must say exactly what a tree of strings says, in both formats, through both
/// entry points, and an invalid value must be reported as before.
/// </summary>
public sealed class JsonSlicedValueTests
{
    // Every printable ASCII character but the quote and the backslash (which JSON escapes).
    private static readonly string Printable = new(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).Where(c => c is not '"' and not '\\').ToArray());

    [Fact]
    public void Mid_length_plain_values_are_slices_and_read_as_their_text()
    {
        var patient = ParseValid(PatientJson(("system", "https://fhir.nhs.uk/Id/nhs-number"), ("value", "9990000001")));
        var identifier = patient.Child("identifier")!;

        Assert.True(identifier.Child("system")!.TryGetUtf8Value(out var system));
        Assert.Equal("https://fhir.nhs.uk/Id/nhs-number"u8.ToArray(), system.ToArray());
        Assert.Equal("https://fhir.nhs.uk/Id/nhs-number", identifier.ChildValue("system"));
        Assert.Same(identifier.ChildValue("system"), identifier.ChildValue("system"));
        Assert.False(identifier.Child("value")!.TryGetUtf8Value(out _), "a short value is a string");
    }

    [Theory]
    [InlineData("https://example.org/\\u0041scaped/identifier/system")]
    [InlineData("https://example.org/non-ascii/\u00e9/identifier/system")]
    [InlineData("https://example.org/delete/\u007f/identifier/system")]
    public void Escaped_non_ascii_and_delete_holding_values_stay_strings(string system)
    {
        var identifier = ParseValid(PatientJson(("system", system))).Child("identifier")!;

        Assert.False(identifier.Child("system")!.TryGetUtf8Value(out _));
        Assert.Equal(system.Replace("\\u0041", "A", StringComparison.Ordinal), identifier.ChildValue("system"));
    }

    [Fact]
    public void A_code_with_a_required_binding_and_a_narrative_stay_strings()
    {
        var patient = ParseValid("""
            {"resourceType": "Patient",
             "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">A patient</div>"},
             "gender": "unknown", "birthDate": "2001-02-03", "active": true}
            """);

        Assert.False(patient.Child("text")!.Child("div")!.TryGetUtf8Value(out _));
        Assert.Equal("<div xmlns=\"http://www.w3.org/1999/xhtml\">A patient</div>", patient.Child("text")!.ChildValue("div"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Json_and_xml_written_from_sliced_values_match_those_of_a_tree_of_strings(bool pretty)
    {
        var options = pretty ? WriteOptions.Pretty : WriteOptions.Compact;
        var halves = new[] { Printable[1..47], Printable[47..] };
        var parsed = ParseValid("{\"resourceType\": \"Patient\", \"identifier\": ["
            + string.Join(", ", halves.Select(half => $"{{\"value\": \"{half}\"}}")) + "]}");
        Assert.All(parsed.ChildrenNamed("identifier"), identifier => Assert.True(identifier.Child("value")!.TryGetUtf8Value(out _)));
        var strings = Rebuild(parsed);

        Assert.Equal(FhirSerializer.SerializeToBytes(strings, FhirFormat.Json, options), FhirSerializer.SerializeToBytes(parsed, FhirFormat.Json, options));
        Assert.Equal(FhirSerializer.SerializeToBytes(strings, FhirFormat.Xml, options), FhirSerializer.SerializeToBytes(parsed, FhirFormat.Xml, options));
        Assert.Equal(halves, parsed.ChildrenNamed("identifier").Select(identifier => identifier.ChildValue("value")));
    }

    [Fact]
    public void An_invalid_mid_length_value_is_reported_as_an_escaped_one_is()
    {
        // The escaped copy of the same text takes the string path; the plain one is checked before it could be sliced.
        var plain = Parse("{\"resourceType\": \"Patient\",\n \"id\": \"an id with spaces that is too long\"}");
        var escaped = Parse("{\"resourceType\": \"Patient\",\n \"id\": \"\\u0061n id with spaces that is too long\"}");

        var issue = Single(plain, "primitive-invalid");
        Assert.Equal("Patient.id", issue.Location);
        Assert.Equal(2, issue.Position.Line);
        Assert.Equal(Single(escaped, "primitive-invalid").Position, issue.Position);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(400, true)]
    public void Stream_parse_keeps_sliced_values_after_its_pooled_buffer_is_reused(int identifiers, bool oneCopy)
    {
        // Few values are copied out one by one; many share one copy of the input. Either way a second parse of a
        // same-sized input (which rents the buffer the first returned) must not change the first tree.
        var first = Encoding.UTF8.GetBytes(ManyIdentifiers(identifiers, 'a'));
        var second = Encoding.UTF8.GetBytes(ManyIdentifiers(identifiers, 'b'));
        var firstTree = FhirSerializer.Parse(new MemoryStream(first), FhirFormat.Json).Root!;
        var secondTree = FhirSerializer.Parse(new NonSeekableStream(second, 4096), FhirFormat.Json).Root!;

        var systems = firstTree.ChildrenNamed("identifier").Select(identifier => identifier.Child("system")!).ToList();
        Assert.All(systems, system => Assert.Equal("https://example.org/identifier-system/aaaaaaaaaaaa", system.Value));
        Assert.Equal("https://example.org/identifier-system/bbbbbbbbbbbb", secondTree.Child("identifier")!.ChildValue("system"));
        Assert.Equal(oneCopy, ReferenceEquals(BackingArray(systems[0]), BackingArray(systems[1])));
    }

    private static string PatientJson(params (string Name, string Value)[] identifier) =>
        "{\"resourceType\": \"Patient\", \"identifier\": [{"
        + string.Join(", ", identifier.Select(part => $"\"{part.Name}\": \"{part.Value.Replace("\"", "\\\"", StringComparison.Ordinal)}\""))
        + "}]}";

    private static string ManyIdentifiers(int count, char letter) =>
        "{\"resourceType\":\"Patient\",\"identifier\":["
        + string.Join(",", Enumerable.Repeat($"{{\"system\":\"https://example.org/identifier-system/{new string(letter, 12)}\"}}", count))
        + new string(' ', 1000) + "]}";

    private static byte[]? BackingArray(ElementNode node)
    {
        Assert.True(node.TryGetUtf8Value(out var utf8));
        Assert.True(MemoryMarshal.TryGetArray(utf8, out var segment));
        return segment.Array;
    }

    /// <summary>The same tree with every value held as a string.</summary>
    private static ElementNode Rebuild(ElementNode node) =>
        new(node.Name, node.Value, node.Children.Select(Rebuild).ToList(), node.ResourceType, node.Position);
}
