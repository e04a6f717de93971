using System.Text;
using System.Text.Json;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Short string and number values read once per parse: repeated values (codes, systems, dates, references) share one
/// string, found again from the raw UTF-8 bytes, and remember the primitive type they were last found valid for, so
/// the lexical check runs once. The cache is bounded; long, escaped, non-ASCII or surplus values are simply not
/// cached. Keys are the value strings themselves (searched by their ASCII bytes), so a new value costs one string.
/// </summary>
internal sealed class JsonValueCache
{
    private const int MaxBytes = 64;
    private const int MaxEntries = 8192;
    private readonly AsciiTable<JsonCachedValue> _values = new();

    /// <summary>The cached value of the current string or number token, or null when it is not cacheable.</summary>
    public JsonCachedValue? Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > MaxBytes || reader.ValueIsEscaped || !Ascii.IsValid(raw))
        {
            return null;
        }

        if (_values.Find(raw) is { } known)
        {
            return known;
        }

        // Unescaped ASCII string content and numbers are their own text.
        var created = new JsonCachedValue(Encoding.ASCII.GetString(raw));
        if (_values.Count < MaxEntries)
        {
            _values.Add(raw, created.Value, created);
        }

        return created;
    }

    /// <summary>Forgets every value (the strings belong to the tree just read), keeping the table's capacity.</summary>
    public void Clear() => _values.Clear();
}

/// <summary>A shared value string and the primitive type name it was last found lexically valid for.</summary>
internal sealed class JsonCachedValue(string value)
{
    public string Value { get; } = value;

    public string? ValidAs { get; set; }
}
