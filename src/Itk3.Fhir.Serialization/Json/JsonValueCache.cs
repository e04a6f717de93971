using System.Text;
using System.Text.Json;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Short string and number values read once per parse: repeated values (codes, systems, dates, references) share one
/// string, found again from the raw UTF-8 bytes, and remember the primitive type they were last found valid for, so
/// the lexical check runs once. The cache is bounded; long, escaped or surplus values are simply not cached.
/// </summary>
internal sealed class JsonValueCache
{
    private const int MaxBytes = 64;
    private const int MaxEntries = 8192;
    private readonly Dictionary<byte[], JsonCachedValue> _values = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], JsonCachedValue>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public JsonValueCache() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The cached value of the current string or number token, or null when it is not cacheable.</summary>
    public JsonCachedValue? Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > MaxBytes || reader.ValueIsEscaped)
        {
            return null;
        }

        if (_lookup.TryGetValue(raw, out var known))
        {
            return known;
        }

        // Unescaped JSON string content is its own UTF-8 text; numbers are ASCII.
        var created = new JsonCachedValue(reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(raw) : reader.GetString()!);
        if (_values.Count < MaxEntries)
        {
            _lookup[raw] = created;
        }

        return created;
    }
}

/// <summary>A shared value string and the primitive type name it was last found lexically valid for.</summary>
internal sealed class JsonCachedValue(string value)
{
    public string Value { get; } = value;

    public string? ValidAs { get; set; }
}
