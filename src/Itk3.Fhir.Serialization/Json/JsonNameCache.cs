using System.Text.Json;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Property names read once per parse: each distinct name becomes one <see cref="JsonPropertyName"/>, found again
/// from its raw UTF-8 bytes without transcoding (escaped names, which are rare, are unescaped first).
/// </summary>
internal sealed class JsonNameCache
{
    private const int StackLimit = 128;
    private readonly Dictionary<byte[], JsonPropertyName> _raw = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], JsonPropertyName>.AlternateLookup<ReadOnlySpan<byte>> _rawLookup;
    private readonly Dictionary<string, JsonPropertyName> _unescaped = new(StringComparer.Ordinal);

    public JsonNameCache() => _rawLookup = _raw.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The name of the current property name (or string) token.</summary>
    public JsonPropertyName Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length <= StackLimit)
        {
            if (_rawLookup.TryGetValue(raw, out var known))
            {
                return known;
            }

            var created = new JsonPropertyName(reader.GetString()!);
            _rawLookup[raw] = created;
            return created;
        }

        var text = reader.GetString()!;
        if (!_unescaped.TryGetValue(text, out var name))
        {
            name = new JsonPropertyName(text);
            _unescaped[text] = name;
        }

        return name;
    }
}

/// <summary>
/// A property name as written, and its wire name (without the <c>_</c> of a primitive's id/extension property).
/// </summary>
internal sealed class JsonPropertyName
{
    public JsonPropertyName(string full)
    {
        Full = full;
        IsMeta = full.Length > 1 && full[0] == '_';
        Wire = IsMeta ? full[1..] : full;
    }

    public string Full { get; }

    public string Wire { get; }

    public bool IsMeta { get; }

}
