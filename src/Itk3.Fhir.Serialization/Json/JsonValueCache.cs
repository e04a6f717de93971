using System.Text;
using System.Text.Json;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Short string and number values read once per parse: repeated values (codes, systems, dates, booleans as text)
/// share one string, and remember the primitive type they were last found valid for, so the lexical check runs once.
/// The cache is bounded; long or surplus values are simply not cached.
/// </summary>
internal sealed class JsonValueCache
{
    private const int MaxChars = 64;
    private const int MaxEntries = 8192;
    private readonly Dictionary<string, JsonCachedValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonCachedValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public JsonValueCache() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The cached value of the current string or number token, or null when it is too long to cache.</summary>
    public JsonCachedValue? Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > MaxChars)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[MaxChars];
        var written = reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetChars(raw, buffer) : reader.CopyString(buffer);
        var chars = buffer[..written];
        if (_lookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var created = new JsonCachedValue(chars.ToString());
        if (_values.Count < MaxEntries)
        {
            _values[created.Value] = created;
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
