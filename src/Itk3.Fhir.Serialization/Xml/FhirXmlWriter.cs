using System.Buffers;
using System.Text;
using System.Xml;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Writes an element tree as FHIR XML: UTF-8 without a byte order mark and without an XML declaration (UTF-8 is the
/// XML default, and the output can then be embedded or concatenated as is), the FHIR namespace as the default
/// namespace on the root, elements in definition order, narrative divs written raw after a well-formedness check.
/// </summary>
internal static class FhirXmlWriter
{
    private static readonly XmlWriterSettings CompactSettings = CreateSettings(indented: false);
    private static readonly XmlWriterSettings IndentedSettings = CreateSettings(indented: true);

    /// <summary>Writes the resource; throws <see cref="ArgumentException"/> naming the path of an element its type does not define.</summary>
    public static void Write(ElementNode resource, IBufferWriter<byte> output, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var resourceType = resource.ResourceType ?? resource.Name;
        var type = options.Schema.FindResourceType(resourceType)
            ?? throw new ArgumentException($"{resource.Name}: '{resourceType}' is not a resource type.", nameof(resource));
        using var stream = new BufferWriterStream(output);
        using var writer = XmlWriter.Create(stream, options.Indented ? IndentedSettings : CompactSettings);
        new XmlTreeWriter(writer, options.Schema, options.Indented, stream).WriteRoot(resource, type);
    }

    private static XmlWriterSettings CreateSettings(bool indented) => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = indented,
        IndentChars = "  ",
        NewLineChars = "\n",
        // Entitizing keeps tabs, carriage returns and line feeds in attribute values through a reparse.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
        CheckCharacters = true,
    };
}
