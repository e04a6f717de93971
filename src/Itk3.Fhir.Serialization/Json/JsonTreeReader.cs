using System.Text.Json;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Reads one FHIR JSON resource straight from a <see cref="Utf8JsonReader"/> into an element tree, typing every
/// property with the schema, reporting every defect through the <see cref="ParseContext"/>. No DOM is built.
/// </summary>
internal sealed partial class JsonTreeReader<TReader>
    where TReader : IJsonTokenSource, allows ref struct
{
    private readonly ParseContext _context;
    private readonly JsonNameCache _names;
    private readonly JsonValueCache _values;
    private readonly JsonStringDecoder _strings;
    private readonly JsonElementResolver _elements;
    private readonly JsonPathStack _path = new();
    private readonly List<JsonMemberCollector> _collectors;
    private readonly JsonChildBuffer _children;
    private readonly List<JsonPrimitiveItem> _items;
    private readonly int _maxDepth;
    private readonly ReadOnlyMemory<byte> _content;
    private readonly List<Utf8Value>? _kept;
    private int _objectDepth;

    /// <summary>
    /// Strings over this many bytes may be kept as slices of <see cref="_content"/> (<see cref="KeepLong"/>);
    /// shorter ones cost less as strings than as slices.
    /// </summary>
    private const int MinKeptBytes = 256;

    /// <summary>A reader over <paramref name="content"/>; values kept as slices of it are also added to <paramref name="kept"/> when given.</summary>
    public JsonTreeReader(ReadOnlyMemory<byte> content, ParseContext context, JsonReaderCaches caches, List<Utf8Value>? kept = null)
    {
        _content = content;
        _kept = kept;
        _context = context;
        _names = caches.Names;
        _values = caches.Values;
        _strings = caches.Strings;
        _elements = caches.Elements;
        _collectors = caches.Collectors;
        _children = caches.Children;
        _items = caches.PrimitiveItems;
        _maxDepth = Math.Max(1, context.Options.MaxDepth);
    }

    /// <summary>Reads the whole document; null when no resource could be read.</summary>
    public ElementNode? ReadDocument(ref TReader reader)
    {
        if (!reader.Read())
        {
            Report(FhirIssues.JsonMalformed, string.Empty, new SourcePosition(1, 1), "The input holds no JSON value.");
            return null;
        }

        var position = reader.Position;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Report(FhirIssues.JsonTypeWrong, string.Empty, position, $"A resource must be a JSON object, not {Describe(reader.TokenType)}.");
            SkipValue(ref reader);
            ReadToEnd(ref reader);
            return null;
        }

        var root = ReadResource(ref reader, null, position);
        ReadToEnd(ref reader);
        return root;
    }

    /// <summary>The location where reading stopped, for a malformed-input report.</summary>
    public string CurrentLocation => _path.Describe();

    private static void ReadToEnd(ref TReader reader)
    {
        // Reading past the root value makes the reader reject any trailing content as malformed.
        while (reader.Read())
        {
        }
    }

    /// <summary>Reads a resource object (the reader is on its start); <paramref name="wrapperName"/> is null for the root.</summary>
    private ElementNode? ReadResource(ref TReader reader, string? wrapperName, SourcePosition position)
    {
        EnsureDepth(ref reader);
        var resourceType = FindResourceType(ref reader, position);
        if (resourceType is null)
        {
            SkipValue(ref reader);
            return null;
        }

        var type = _context.Schema.FindResourceType(resourceType) ?? _context.ResolveResourceType(resourceType, Location(), position);
        if (type is null)
        {
            SkipValue(ref reader);
            return null;
        }

        _path.PushResource(resourceType);
        var children = ReadMembers(ref reader, type, true);
        _path.Pop();
        return new ElementNode(wrapperName ?? resourceType, null, children, resourceType, position);
    }

    /// <summary>Looks ahead (on a copy of the reader) for the resource's <c>resourceType</c> property.</summary>
    private string? FindResourceType(ref TReader reader, SourcePosition position)
    {
        var copy = reader;
        var depth = copy.CurrentDepth;
        while (copy.Read() && copy.CurrentDepth > depth)
        {
            var isResourceType = copy.ValueTextEquals("resourceType"u8);
            copy.Read();
            if (!isResourceType)
            {
                SkipValue(ref copy);
                continue;
            }

            if (copy.TokenType == JsonTokenType.String && copy.ValueSpan.Length > 0)
            {
                return _names.Get(ref copy).Full;
            }

            Report(FhirIssues.JsonTypeWrong, Location(), copy.Position, "resourceType must be a non-empty string.");
            return null;
        }

        Report(FhirIssues.ResourceTypeMissing, Location(), position, "The resource has no resourceType property.");
        return null;
    }

    /// <summary>
    /// Reads the members of an object (the reader is on its start) into children in definition order. Members that come
    /// in definition order and each give nodes are read straight into the child buffer; at the first that does not (out
    /// of order, repeated, a <c>_name</c> part, or one that gives no node or a null or invalid item) what was read moves
    /// into member slots, which sort, pair and check the rest.
    /// </summary>
    private ElementNode[] ReadMembers(ref TReader reader, FhirTypeDefinition type, bool isResource)
    {
        var depth = _objectDepth++;
        var start = _children.Count;
        JsonMemberCollector? collector = null;
        var lastOrder = -1;
        var objectPosition = reader.Position;
        var sawResourceType = false;
        var empty = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var position = reader.Position;
            var name = _names.Get(ref reader);
            reader.Read();
            empty = false;
            if (isResource && name.IsResourceType)
            {
                SkipResourceType(ref reader, ref sawResourceType, position);
                continue;
            }

            var member = name.ResolveIn(type, _elements);
            if (member is null || (name.IsMeta && !AcceptsMeta(member.Match)))
            {
                ReportUnknown(name, type, position);
                SkipValue(ref reader);
                continue;
            }

            if (collector is null && !name.IsMeta && member.Order > lastOrder)
            {
                lastOrder = member.Order;
                if (!ReadInOrder(ref reader, member, position))
                {
                    collector = MoveToSlots(type, depth, start);
                    TakeIntoSlot(collector.Add(member), _children.Count);
                }

                continue;
            }

            collector ??= MoveToSlots(type, depth, start);
            ReadIntoSlot(ref reader, collector, name, member, position);
        }

        if (empty)
        {
            Report(FhirIssues.ElementEmpty, Location(), objectPosition, "The object is empty.");
        }

        _objectDepth--;
        return collector is null ? _children.TakeSince(start) : collector.Build(_path, _context);
    }

    private void ReportUnknown(JsonPropertyName name, FhirTypeDefinition type, SourcePosition position) =>
        Report(FhirIssues.ElementUnknown, Location(name.Full), position, $"'{name.Full}' is not an element of {type.Name}.");

    /// <summary>Skips a resource's <c>resourceType</c> (read before its members), reporting a second one.</summary>
    private void SkipResourceType(ref TReader reader, ref bool seen, SourcePosition position)
    {
        if (seen)
        {
            Report(FhirIssues.PropertyDuplicate, Location("resourceType"), position, "resourceType is given twice.");
        }

        seen = true;
        SkipValue(ref reader);
    }

    /// <summary>
    /// Reads a member's value, leaving its nodes in the child buffer; false when it gave no node, or a null or invalid
    /// primitive item (its items are then left in the primitive item list for the member's slot).
    /// </summary>
    private bool ReadInOrder(ref TReader reader, JsonMember member, SourcePosition position)
    {
        if (!member.IsPrimitive)
        {
            var before = _children.Count;
            ReadComplex(ref reader, member, position);
            return _children.Count > before;
        }

        if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.Null) && !member.IsArray)
        {
            // The common case, a single value, without the item list.
            var item = ReadPrimitiveText(ref reader, member, -1, position);
            if (item.State == JsonItemState.Present)
            {
                _children.Add(item.ToNode(member.WireName, null, position));
                return true;
            }

            _items.Clear();
            _items.Add(item);
            return false;
        }

        ReadPrimitive(ref reader, member, position);
        if (_items.Count == 0)
        {
            return false;
        }

        foreach (var item in _items)
        {
            if (item.State != JsonItemState.Present)
            {
                return false;
            }
        }

        foreach (var item in _items)
        {
            _children.Add(item.ToNode(member.WireName, null, item.Position));
        }

        return true;
    }

    /// <summary>Reads one property value (the reader is on the value) into its slot.</summary>
    private void ReadIntoSlot(ref TReader reader, JsonMemberCollector collector, JsonPropertyName name, JsonMember member, SourcePosition position)
    {
        var slot = OpenSlot(collector, name, member, position);
        if (slot is null)
        {
            SkipValue(ref reader);
            return;
        }

        if (name.IsMeta)
        {
            ReadMeta(ref reader, slot, position);
            return;
        }

        var before = _children.Count;
        if (slot.IsPrimitive)
        {
            ReadPrimitive(ref reader, member, position);
        }
        else
        {
            ReadComplex(ref reader, member, position);
        }

        TakeIntoSlot(slot, before);
    }

    /// <summary>Gives a slot the nodes its member left in the child buffer from <paramref name="start"/> on, or its primitive items.</summary>
    private void TakeIntoSlot(JsonMemberSlot slot, int start)
    {
        slot.HasValue = true;
        if (slot.IsPrimitive)
        {
            foreach (var item in _items)
            {
                slot.Values.Add(item);
            }

            return;
        }

        foreach (var node in _children.Since(start))
        {
            slot.Nodes.Add(node);
        }

        _children.Truncate(start);
    }

    /// <summary>
    /// Moves the nodes an object has read in definition order (from <paramref name="start"/> on in the child buffer)
    /// into the slots of its nesting level's collector, which then reads the rest of the object.
    /// </summary>
    private JsonMemberCollector MoveToSlots(FhirTypeDefinition type, int depth, int start)
    {
        while (_collectors.Count <= depth)
        {
            _collectors.Add(new JsonMemberCollector());
        }

        var collector = _collectors[depth];
        JsonMemberSlot? slot = null;
        foreach (var node in _children.Since(start))
        {
            if (slot is null || !ReferenceEquals(slot.WireName, node.Name))
            {
                slot = collector.Add(_elements.Member(type, node.Name)!);
                slot.HasValue = true;
            }

            if (slot.IsPrimitive)
            {
                slot.Values.Add(new JsonPrimitiveItem(node.ValueObject, JsonItemState.Present, node.Position));
            }
            else
            {
                slot.Nodes.Add(node);
            }
        }

        _children.Truncate(start);
        return collector;
    }

    /// <summary>The slot a property goes into, or null (reported) for duplicate and second-choice properties.</summary>
    private JsonMemberSlot? OpenSlot(JsonMemberCollector collector, JsonPropertyName name, JsonMember member, SourcePosition position)
    {
        var slot = collector.Find(member.Match.Definition);
        if (slot is null)
        {
            return collector.Add(member);
        }

        if (!ReferenceEquals(slot.WireName, name.Wire) && slot.WireName != name.Wire)
        {
            Report(FhirIssues.ChoiceMultiple, Location(name.Wire), position,
                $"'{name.Wire}' and '{slot.WireName}' are two types of the one choice element {member.Match.Definition.Name}[x].");
            return null;
        }

        if (name.IsMeta ? slot.HasMeta : slot.HasValue)
        {
            Report(FhirIssues.PropertyDuplicate, Location(name.Full), position, $"'{name.Full}' is given twice.");
            return null;
        }

        return slot;
    }

    private static bool AcceptsMeta(ElementMatch match) =>
        match.Definition.Representation != ElementRepresentation.XmlAttribute && !match.Definition.HoldsResource && IsPrimitiveName(match.TypeName);

    private static bool IsPrimitiveName(string typeName) => typeName.Length > 0 && char.IsLower(typeName[0]);

    /// <summary>Skips the current value, checking the nesting depth of everything skipped.</summary>
    private void SkipValue(ref TReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        EnsureDepth(ref reader);
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                EnsureDepth(ref reader);
            }
        }
    }

    /// <summary>Stops the parse with nesting-too-deep when the container just entered is deeper than allowed.</summary>
    private void EnsureDepth(ref TReader reader)
    {
        if (reader.CurrentDepth + 1 > _maxDepth)
        {
            Report(FhirIssues.NestingTooDeep, Location(), reader.Position, $"The input nests deeper than {_maxDepth} levels.");
            throw new JsonReadAbortedException();
        }
    }

    private string Location(string? child = null, int index = -1) => _path.Describe(child, index);

    private void Report(IssueDefinition definition, string location, SourcePosition position, string message) =>
        _context.Report(definition, location, position, message);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
