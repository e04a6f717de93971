using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// The reader's lookup tables, kept per thread between parses so that a parse does not rebuild them: property names
/// and their resolution in each type (bounded, schema facts only) survive; values (patient data) and member
/// bookkeeping are cleared when a parse returns its caches. A parse that does not return them (an exception) only
/// costs the next parse a fresh set.
/// </summary>
internal sealed class JsonReaderCaches
{
    private const int MaxNames = 4096;
    private const int MaxResolved = 16384;

    // One spare set per thread, like System.Text.Json's writer cache; Rent empties the slot, so nested use is safe.
    [ThreadStatic]
    private static JsonReaderCaches? spare;

    private JsonReaderCaches(IFhirSchema schema)
    {
        Schema = schema;
        Elements = new JsonElementResolver(schema);
    }

    public IFhirSchema Schema { get; }

    public JsonNameCache Names { get; } = new();

    public JsonValueCache Values { get; } = new();

    public JsonElementResolver Elements { get; }

    /// <summary>Decodes escaped strings into a reusable buffer, wiped when the parse returns the caches.</summary>
    public JsonStringDecoder Strings { get; } = new();

    /// <summary>One member collector per nesting level.</summary>
    public List<JsonMemberCollector> Collectors { get; } = [];

    /// <summary>The children of the objects being read in definition order.</summary>
    public JsonChildBuffer Children { get; } = new();

    /// <summary>The items of the primitive member being read.</summary>
    public List<JsonPrimitiveItem> PrimitiveItems { get; } = [];

    /// <summary>This thread's spare caches for the schema, or new ones.</summary>
    public static JsonReaderCaches Rent(IFhirSchema schema)
    {
        var caches = spare;
        spare = null;
        return caches is not null && ReferenceEquals(caches.Schema, schema) ? caches : new JsonReaderCaches(schema);
    }

    /// <summary>Clears what belongs to the parse and keeps the rest for the thread's next parse, unless it grew too large.</summary>
    public void Return()
    {
        Values.Clear();
        Strings.Clear();
        Children.Clear();
        PrimitiveItems.Clear();
        foreach (var collector in Collectors)
        {
            collector.Release();
        }

        if (Names.Count <= MaxNames && Elements.Count <= MaxResolved)
        {
            spare = this;
        }
    }
}
