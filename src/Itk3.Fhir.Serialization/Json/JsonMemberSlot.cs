using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Primitives;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// What one object has said so far about one wire name: the complex or resource nodes, or for a primitive the
/// values and the <c>_name</c> parts (id and extensions) that are merged into nodes when the object ends.
/// </summary>
internal sealed class JsonMemberSlot
{
    /// <summary>The member this slot collects.</summary>
    public JsonMember Member { get; private set; } = null!;

    public string WireName => Member.WireName;

    public ElementMatch Match => Member.Match;

    /// <summary>The concrete type (the primitive type for primitives); null for elements that hold resources.</summary>
    public FhirTypeDefinition? Type => Member.Type;

    public bool IsPrimitive => Member.IsPrimitive;

    public bool HasValue { get; set; }

    public bool HasMeta { get; set; }

    public SourcePosition MetaPosition { get; set; }

    /// <summary>Complex and resource nodes in array order.</summary>
    public JsonSlotItems<ElementNode> Nodes { get; } = new();

    /// <summary>Primitive values in array order (a single value is one item).</summary>
    public JsonSlotItems<JsonPrimitiveItem> Values { get; } = new();

    /// <summary>The <c>_name</c> items in array order.</summary>
    public JsonSlotItems<JsonMetaItem> Metas { get; } = new();

    /// <summary>Opens the slot for <paramref name="member"/>, empty.</summary>
    public void Reset(JsonMember member)
    {
        Member = member;
        Clear();
    }

    /// <summary>Forgets what was said (every node and value), keeping the member.</summary>
    public void Clear()
    {
        HasValue = false;
        HasMeta = false;
        MetaPosition = default;
        Nodes.Clear();
        Values.Clear();
        Metas.Clear();
    }

    /// <summary>The number of nodes this slot can produce at most.</summary>
    public int Capacity => IsPrimitive ? Math.Max(Values.Count, Metas.Count) : Nodes.Count;
}

/// <summary>
/// A property of an object as the schema reads it: its wire name, its element definition and type name, its concrete
/// type (the primitive type for primitives; null for elements that hold resources), and the facts the reader asks of
/// them for every value, copied here once so that reading a member touches one object. Made once per (type, property
/// name) and kept with the name.
/// </summary>
internal sealed class JsonMember(string wireName, ElementMatch match, FhirTypeDefinition? type)
{
    public string WireName { get; } = wireName;

    public ElementMatch Match { get; } = match;

    public FhirTypeDefinition? Type { get; } = type;

    /// <summary>The element's place in its type's definition order.</summary>
    public int Order { get; } = match.Definition.Order;

    public bool IsArray { get; } = match.Definition.IsArray;

    public bool IsPrimitive { get; } = type is { IsPrimitive: true };

    /// <summary>True for a narrative's <c>div</c>.</summary>
    public bool IsXhtml { get; } = match.Definition.Representation == ElementRepresentation.Xhtml;

    /// <summary>The codes a required binding allows, or null.</summary>
    public IReadOnlySet<string>? RequiredCodes { get; } = match.Definition.RequiredCodes;

    /// <summary>The type's name ("" for elements that hold resources).</summary>
    public string TypeName { get; } = type?.Name ?? string.Empty;

    /// <summary>The JSON kind of a primitive's values.</summary>
    public PrimitiveJsonKind JsonKind { get; } = type?.JsonKind ?? default;

    /// <summary>The check of a primitive's lexical form (null: any text, or not a primitive).</summary>
    public LexicalCheck? Lexical { get; } = type is { IsPrimitive: true } ? PrimitiveLexicon.CheckFor(type.Name) : null;
}

/// <summary>How a primitive or <c>_name</c> array item was given.</summary>
internal enum JsonItemState
{
    /// <summary>A usable value or object.</summary>
    Present,

    /// <summary>A JSON null (a placeholder in a parallel array).</summary>
    Null,

    /// <summary>A value that was reported and dropped; it still holds its place in the parallel array.</summary>
    Invalid,
}

/// <summary>One primitive value: a string, or a <see cref="Utf8Value"/> (a long value kept as UTF-8), or null.</summary>
internal readonly record struct JsonPrimitiveItem(object? Value, JsonItemState State, SourcePosition Position)
{
    /// <summary>The node of this value, with the children of its <c>_name</c> part.</summary>
    public ElementNode ToNode(string name, ElementNode[]? children, SourcePosition position) =>
        Value is Utf8Value kept ? new ElementNode(name, kept, children, position) : new ElementNode(name, (string?)Value, children, null, position);
}

/// <summary>One <c>_name</c> object: the id and extension children of the primitive.</summary>
internal readonly record struct JsonMetaItem(ElementNode[]? Children, JsonItemState State, SourcePosition Position);
