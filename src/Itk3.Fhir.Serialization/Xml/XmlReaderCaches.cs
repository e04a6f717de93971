using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Json;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// The XML reader's tables, kept per thread between parses so that a parse does not rebuild them: the name table
/// and the (type, name) resolutions keyed by its atomised names survive (schema facts and element names, bounded);
/// the child buffer, the path and the narrative buffers, which hold the parse's nodes and text, are emptied when a parse returns the caches.
/// </summary>
internal sealed class XmlReaderCaches
{
    private const int MaxNames = 4096;

    // One spare set per thread, like the JSON reader's: Rent empties the slot, so nested use is safe.
    [ThreadStatic]
    private static XmlReaderCaches? spare;

    private XmlReaderCaches(IFhirSchema schema) => Matches = new ElementMatchCache(schema);

    /// <summary>Atomises the reader's names; the resolutions below are keyed by its instances.</summary>
    public CountingNameTable Names { get; } = new();

    /// <summary>The names' UTF-8 bytes, for <see cref="LeanXmlReader"/> to find their atomised strings without transcoding.</summary>
    public AsciiTable<bool> NameBytes { get; } = new();

    /// <summary>(type, name) resolutions.</summary>
    public ElementMatchCache Matches { get; }

    /// <summary>The children of the open elements.</summary>
    public ChildBuffer Children { get; } = new();

    /// <summary>The path of the element being read.</summary>
    public LocationStack Path { get; } = new();

    /// <summary>Turns narrative divs into strings.</summary>
    public XhtmlDivSerializer Divs { get; } = new();

    /// <summary>This thread's spare caches for the schema, or new ones.</summary>
    public static XmlReaderCaches Rent(IFhirSchema schema)
    {
        var caches = spare;
        spare = null;
        return caches is not null && ReferenceEquals(caches.Matches.Schema, schema) ? caches : new XmlReaderCaches(schema);
    }

    /// <summary>Empties what belongs to the parse (a parse stopped by malformed input included) and keeps the rest, unless it grew too large.</summary>
    public void Return()
    {
        Children.Clear();
        Path.Clear();
        Divs.Wipe();
        if (Names.Count <= MaxNames && Divs.Keepable)
        {
            spare = this;
        }
    }
}
