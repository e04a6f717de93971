using System.Text.Json;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Property names read once per parse: each distinct UTF-8 name becomes one string, shared by every later occurrence,
/// along with its wire name (without the <c>_</c> of a primitive's id/extension property).
/// </summary>
internal sealed class JsonNameCache
{
    private const int StackLimit = 128;
    private readonly Dictionary<string, JsonPropertyName> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonPropertyName>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public JsonNameCache() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The name of the current property name (or string) token.</summary>
    public JsonPropertyName Get(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > StackLimit)
        {
            return Create(reader.GetString()!);
        }

        Span<char> buffer = stackalloc char[StackLimit];
        var written = reader.CopyString(buffer);
        var chars = buffer[..written];
        if (_lookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var created = Create(chars.ToString());
        _names[created.Full] = created;
        return created;
    }

    private static JsonPropertyName Create(string full) =>
        full.Length > 1 && full[0] == '_' ? new JsonPropertyName(full, full[1..], true) : new JsonPropertyName(full, full, false);
}

/// <summary>A property name as written, its wire name, and whether it is the <c>_name</c> form.</summary>
internal readonly record struct JsonPropertyName(string Full, string Wire, bool IsMeta);
