using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>Writes an element tree as FHIR JSON; throws <see cref="ArgumentException"/> for a tree its types do not define.</summary>
internal static class FhirJsonWriter
{
    /// <summary>Writes <paramref name="resource"/> (a resource node) to <paramref name="output"/>.</summary>
    public static void Write(ElementNode resource, IBufferWriter<byte> output, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var writerOptions = new JsonWriterOptions
        {
            Indented = options.Indented,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        };

        using var writer = new Utf8JsonWriter(output, writerOptions);
        new JsonTreeWriter(writer, output, options.Schema).WriteRoot(resource);
        writer.Flush();
    }
}
