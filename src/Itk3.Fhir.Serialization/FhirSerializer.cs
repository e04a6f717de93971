using System.Buffers;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Json;
using Itk3.Fhir.Serialization.Reading;
using Itk3.Fhir.Serialization.Xml;

namespace Itk3.Fhir.Serialization;

/// <summary>Reads and writes any FHIR resource as JSON or XML. Reading never throws on bad input: it reports issues.</summary>
public static class FhirSerializer
{
    /// <summary>
    /// Parses a resource from bytes. The tree may keep long values (from JSON: base64 attachments, narratives, long
    /// texts; from XML: base64 attachments) as slices of <paramref name="content"/>, made strings only when read, so, as with
    /// <c>JsonDocument.Parse(ReadOnlyMemory&lt;byte&gt;)</c>, the caller must not change those bytes (or return them to a
    /// pool) while the tree is in use.
    /// </summary>
    public static ParseResult Parse(ReadOnlyMemory<byte> content, FhirFormat format, ParseOptions? options = null)
    {
        var context = new ParseContext(options ?? ParseOptions.Default);
        var root = format == FhirFormat.Json ? FhirJsonReader.Read(content, context) : FhirXmlReader.Read(content, context);
        return new ParseResult(root, context.Finish());
    }

    /// <summary>Parses a resource from a stream, reading no more than the configured maximum size; the tree owns all it holds.</summary>
    public static ParseResult Parse(Stream content, FhirFormat format, ParseOptions? options = null)
    {
        var context = new ParseContext(options ?? ParseOptions.Default);
        var root = format == FhirFormat.Json ? FhirJsonReader.Read(content, context) : FhirXmlReader.Read(content, context);
        return new ParseResult(root, context.Finish());
    }

    /// <summary>Writes a resource; throws <see cref="ArgumentException"/> when the tree holds elements its types do not define.</summary>
    public static void Serialize(ElementNode resource, FhirFormat format, IBufferWriter<byte> output, WriteOptions? options = null)
    {
        options ??= WriteOptions.Compact;
        if (format == FhirFormat.Json)
        {
            FhirJsonWriter.Write(resource, output, options);
        }
        else
        {
            FhirXmlWriter.Write(resource, output, options);
        }
    }

    /// <summary>Writes a resource to a stream.</summary>
    public static void Serialize(ElementNode resource, FhirFormat format, Stream output, WriteOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(resource, format, buffer, options);
        output.Write(buffer.WrittenSpan);
    }

    /// <summary>Writes a resource to a new byte array.</summary>
    public static byte[] SerializeToBytes(ElementNode resource, FhirFormat format, WriteOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(resource, format, buffer, options);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Guesses the format from the first significant character (<c>{</c> or <c>[</c> JSON, <c>&lt;</c> XML), in UTF-8 or
    /// UTF-16 (with or without a byte order mark), or null.
    /// </summary>
    public static FhirFormat? DetectFormat(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (content.StartsWith(bom))
        {
            content = content[3..];
        }

        if (Utf16Text.IsUtf16(content))
        {
            // JSON must be UTF-8; UTF-16 JSON is still recognised, so that its reader can say so.
            var first = Utf16Text.FirstSignificant(content);
            return first switch
            {
                '{' or '[' => FhirFormat.Json,
                '<' => FhirFormat.Xml,
                _ => null,
            };
        }

        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        return start < 0 ? null : content[start] switch
        {
            (byte)'{' or (byte)'[' => FhirFormat.Json,
            (byte)'<' => FhirFormat.Xml,
            _ => null,
        };
    }
}
