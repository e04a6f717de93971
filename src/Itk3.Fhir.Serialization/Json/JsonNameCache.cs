using System.Text;
using System.Text.Json;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Property names read once per parse: each distinct name becomes one <see cref="JsonPropertyName"/>, found again
/// from its raw UTF-8 bytes without transcoding (escaped and non-ASCII names, which are rare, are unescaped first).
/// </summary>
internal sealed class JsonNameCache
{
    private const int RawLimit = 128;
    private readonly AsciiTable<JsonPropertyName> _raw = new();
    private readonly Dictionary<string, JsonPropertyName> _unescaped = new(StringComparer.Ordinal);

    /// <summary>The number of distinct names held.</summary>
    public int Count => _raw.Count + _unescaped.Count;

    /// <summary>The name of the current property name (or string) token.</summary>
    public JsonPropertyName Get<TReader>(ref TReader reader)
        where TReader : IJsonTokenSource, allows ref struct
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length <= RawLimit)
        {
            var known = _raw.Find(raw);
            if (known >= 0)
            {
                return _raw.ValueAt(known);
            }

            if (Ascii.IsValid(raw))
            {
                var created = new JsonPropertyName(Encoding.ASCII.GetString(raw));
                _raw.Add(raw, created.Full, created);
                return created;
            }
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
        IsResourceType = full == "resourceType";
    }

    public string Full { get; }

    public string Wire { get; }

    public bool IsMeta { get; }

    /// <summary>True for <c>resourceType</c>, which a resource object holds beside its elements.</summary>
    public bool IsResourceType { get; }

    // The types this name was resolved in, and the answers: most names occur in a few types ("value", "system" and
    // "code" in a handful), so a short array searched by reference beats a dictionary keyed by (type, name).
    private const int MemoSize = 8;
    private readonly FhirTypeDefinition?[] _owners = new FhirTypeDefinition?[MemoSize];
    private readonly ResolvedElement[] _answers = new ResolvedElement[MemoSize];
    private int _next;

    /// <summary>What the wire name means in <paramref name="owner"/>, remembered for the last few owners.</summary>
    public ResolvedElement ResolveIn(FhirTypeDefinition owner, JsonElementResolver resolver)
    {
        for (var i = 0; i < MemoSize; i++)
        {
            if (ReferenceEquals(_owners[i], owner))
            {
                return _answers[i];
            }
        }

        var answer = resolver.Resolve(owner, Wire);
        _owners[_next] = owner;
        _answers[_next] = answer;
        _next = (_next + 1) % MemoSize;
        return answer;
    }
}
