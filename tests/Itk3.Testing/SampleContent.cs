using System.Globalization;
using Itk3.Fhir.ElementModel;

namespace Itk3.Testing;

/// <summary>Deterministic sample resources for tests and benchmarks, built as element trees.</summary>
public static class SampleContent
{
    /// <summary>
    /// A document Bundle carrying a PDF-like attachment of about <paramref name="attachmentBytes"/> bytes as a base64
    /// Binary (the base64 text is a third larger), referenced from a DocumentReference. Same seed, same bytes.
    /// </summary>
    public static ElementNode AttachmentBundle(int attachmentBytes, int seed = 42)
    {
        var pdf = PseudoPdf(attachmentBytes, seed);
        var binary = Resource("Binary", "resource",
            Value("id", "b1a5e0c4-0000-4000-8000-000000000003"),
            Value("contentType", "application/pdf"),
            Value("content", Convert.ToBase64String(pdf)));
        var reference = Resource("DocumentReference", "resource",
            Value("id", "d0c0e0f0-0000-4000-8000-000000000002"),
            Value("status", "current"),
            Node("type", null, Value("text", "Clinic letter")),
            Value("indexed", "2026-11-09T14:10:00+00:00"),
            Node("content", null,
                Node("attachment", null,
                    Value("contentType", "application/pdf"),
                    Value("url", "urn:uuid:b1a5e0c4-0000-4000-8000-000000000003"),
                    Value("size", pdf.Length.ToString(CultureInfo.InvariantCulture)))));
        return new ElementNode("Bundle", children:
        [
            Value("id", "b0000000-0000-4000-8000-000000000001"),
            Value("type", "collection"),
            Entry("urn:uuid:d0c0e0f0-0000-4000-8000-000000000002", reference),
            Entry("urn:uuid:b1a5e0c4-0000-4000-8000-000000000003", binary),
        ], resourceType: "Bundle");
    }

    /// <summary>Bytes that start like a PDF followed by seeded pseudo-random content.</summary>
    public static byte[] PseudoPdf(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static ElementNode Entry(string fullUrl, ElementNode resource) =>
        Node("entry", null, Value("fullUrl", fullUrl), resource);

    private static ElementNode Resource(string type, string wrapper, params ElementNode[] children) =>
        new(wrapper, children: children, resourceType: type);

    private static ElementNode Node(string name, string? value, params ElementNode[] children) => new(name, value, children);

    private static ElementNode Value(string name, string value) => new(name, value);
}
