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

    // The types this name was resolved in, and the members it names there (null: not an element of the type): the
    // last one asked is held in fields, since most names occur in one type; others ("value", "system" and "code"
    // occur in a handful) in a short array searched by reference, which beats a dictionary keyed by (type, name).
    private const int MemoSize = 8;
    private readonly FhirTypeDefinition?[] _owners = new FhirTypeDefinition?[MemoSize];
    private readonly JsonMember?[] _members = new JsonMember?[MemoSize];
    private FhirTypeDefinition? _lastOwner;
    private JsonMember? _lastMember;
    private int _next;

    /// <summary>The member the wire name names in <paramref name="owner"/>, or null when it is not one of its elements.</summary>
    public JsonMember? ResolveIn(FhirTypeDefinition owner, JsonElementResolver resolver)
    {
        if (ReferenceEquals(_lastOwner, owner))
        {
            return _lastMember;
        }

        var member = Find(owner, resolver);
        _lastOwner = owner;
        _lastMember = member;
        return member;
    }

    private JsonMember? Find(FhirTypeDefinition owner, JsonElementResolver resolver)
    {
        for (var i = 0; i < MemoSize; i++)
        {
            if (ReferenceEquals(_owners[i], owner))
            {
                return _members[i];
            }
        }

        var member = resolver.Member(owner, Wire);
        _owners[_next] = owner;
        _members[_next] = member;
        _next = (_next + 1) % MemoSize;
        return member;
    }
}
