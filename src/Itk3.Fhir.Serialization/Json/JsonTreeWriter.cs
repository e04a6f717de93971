using System.Buffers;
using System.Text;
using System.Text.Json;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Reading;
using Itk3.Fhir.Serialization.Writing;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Writes element trees with a <see cref="Utf8JsonWriter"/>: properties in definition order, <c>resourceType</c> first,
/// arrays by cardinality, primitives by their JSON kind (numbers exactly as their text), ids and extensions of
/// primitives as <c>_name</c> with null-padded parallel arrays.
/// </summary>
internal sealed class JsonTreeWriter
{
    private const int SegmentChars = 4 * 1024;
    private const int SegmentBytes = 16 * 1024;
    private readonly Utf8JsonWriter _writer;
    private readonly IBufferWriter<byte> _output;
    private readonly IFhirSchema _schema;
    private readonly JsonPathStack _path = new();
    private readonly JsonElementResolver _elements;

    /// <summary>A tree writer on <paramref name="writer"/>, which writes to <paramref name="output"/>.</summary>
    public JsonTreeWriter(Utf8JsonWriter writer, IBufferWriter<byte> output, IFhirSchema schema)
    {
        _writer = writer;
        _output = output;
        _schema = schema;
        _elements = new JsonElementResolver(schema);
    }

    /// <summary>Writes the root resource.</summary>
    public void WriteRoot(ElementNode resource) => WriteResource(resource);

    private void WriteResource(ElementNode node)
    {
        var type = node.ResourceType is { } name ? _schema.FindResourceType(name) : null;
        if (type is null)
        {
            throw new ArgumentException($"{Location()}: '{node.ResourceType ?? node.Name}' is not a resource type the schema knows.", nameof(node));
        }

        _path.PushResource(type.Name);
        _writer.WriteStartObject();
        _writer.WriteString("resourceType"u8, type.Name);
        WriteMembers(node, type);
        _writer.WriteEndObject();
        _path.Pop();
    }

    /// <summary>
    /// Writes the children as properties. Trees read by this library are already in definition order with repeats
    /// together, so runs of one name are written straight from the child list; any other tree goes through
    /// <see cref="ChildGrouper"/>, which also rejects elements the type does not define.
    /// </summary>
    private void WriteMembers(ElementNode node, FhirTypeDefinition type)
    {
        var children = node.Children;
        if (!IsCanonical(children, type))
        {
            foreach (var group in ChildGrouper.Group(node, type, Location()))
            {
                WriteGroup(_elements.Member(type, group.WireName)!, group.Nodes, 0, group.Nodes.Count);
            }

            return;
        }

        for (var start = 0; start < children.Count;)
        {
            var name = children[start].Name;
            var end = start + 1;
            while (end < children.Count && children[end].Name == name)
            {
                end++;
            }

            WriteGroup(_elements.Member(type, name)!, children, start, end - start);
            start = end;
        }
    }

    private bool IsCanonical(IReadOnlyList<ElementNode> children, FhirTypeDefinition type)
    {
        var lastOrder = -1;
        string? lastName = null;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.Name == lastName)
            {
                continue;
            }

            var member = _elements.Member(type, child.Name);
            if (member is null || member.Order <= lastOrder)
            {
                return false;
            }

            lastOrder = member.Order;
            lastName = child.Name;
        }

        return true;
    }

    private void WriteGroup(JsonMember member, IReadOnlyList<ElementNode> nodes, int start, int count)
    {
        var wireName = member.WireName;
        _path.Push(wireName);
        var definition = member.Match.Definition;
        if (!definition.IsArray && count > 1)
        {
            throw new ArgumentException($"{Location()}: the element does not repeat but the tree holds {count} of it.", nameof(nodes));
        }

        if (definition.HoldsResource)
        {
            WriteItems(wireName, definition.IsArray, nodes, start, count, null);
        }
        else if (member.Type is not { } type)
        {
            throw new ArgumentException($"{Location()}: the schema has no type '{member.Match.TypeName}'.", nameof(nodes));
        }
        else if (type.IsPrimitive)
        {
            WritePrimitives(wireName, definition.IsArray, type, nodes, start, count);
        }
        else
        {
            WriteItems(wireName, definition.IsArray, nodes, start, count, type);
        }

        _path.Pop();
    }

    /// <summary>Writes complex items (of <paramref name="type"/>) or, when it is null, held resources.</summary>
    private void WriteItems(string wireName, bool isArray, IReadOnlyList<ElementNode> nodes, int start, int count, FhirTypeDefinition? type)
    {
        _writer.WritePropertyName(wireName);
        if (isArray)
        {
            _writer.WriteStartArray();
        }

        for (var i = start; i < start + count; i++)
        {
            if (type is null)
            {
                WriteResource(nodes[i]);
                continue;
            }

            _writer.WriteStartObject();
            WriteMembers(nodes[i], type);
            _writer.WriteEndObject();
        }

        if (isArray)
        {
            _writer.WriteEndArray();
        }
    }

    private void WritePrimitives(string wireName, bool isArray, FhirTypeDefinition type, IReadOnlyList<ElementNode> nodes, int start, int count)
    {
        var hasValue = false;
        var hasMeta = false;
        for (var i = start; i < start + count; i++)
        {
            hasValue |= nodes[i].HasValue;
            hasMeta |= nodes[i].Children.Count > 0;
        }

        if (hasValue)
        {
            _writer.WritePropertyName(wireName);
            WriteValues(nodes, start, count, type, isArray);
        }

        if (hasMeta)
        {
            WriteMetaName(wireName);
            WriteMetas(nodes, start, count, type, isArray);
        }
    }

    private void WriteValues(IReadOnlyList<ElementNode> nodes, int start, int count, FhirTypeDefinition type, bool isArray)
    {
        if (!isArray)
        {
            WriteValue(nodes[start], type, afterPropertyName: true);
            return;
        }

        _writer.WriteStartArray();
        for (var i = start; i < start + count; i++)
        {
            if (nodes[i].HasValue)
            {
                WriteValue(nodes[i], type, afterPropertyName: false);
            }
            else
            {
                _writer.WriteNullValue();
            }
        }

        _writer.WriteEndArray();
    }

    private void WriteMetas(IReadOnlyList<ElementNode> nodes, int start, int count, FhirTypeDefinition type, bool isArray)
    {
        if (isArray)
        {
            _writer.WriteStartArray();
        }

        for (var i = start; i < start + count; i++)
        {
            if (nodes[i].Children.Count == 0)
            {
                _writer.WriteNullValue();
                continue;
            }

            _writer.WriteStartObject();
            WriteMembers(nodes[i], type);
            _writer.WriteEndObject();
        }

        if (isArray)
        {
            _writer.WriteEndArray();
        }
    }

    private string Location() => _path.Describe();

    private void WriteMetaName(string wireName)
    {
        Span<byte> name = stackalloc byte[Encoding.UTF8.GetMaxByteCount(wireName.Length) + 1];
        name[0] = (byte)'_';
        var length = Encoding.UTF8.GetBytes(wireName, name[1..]);
        _writer.WritePropertyName(name[..(length + 1)]);
    }

    /// <summary>Writes a node's value; one kept as UTF-8 (a long base64 value) is copied from its bytes, never decoded.</summary>
    private void WriteValue(ElementNode node, FhirTypeDefinition type, bool afterPropertyName)
    {
        if (type.JsonKind == PrimitiveJsonKind.String && node.TryGetUtf8Value(out var utf8))
        {
            if (afterPropertyName)
            {
                WriteKeptString(utf8.Span);
            }
            else
            {
                WriteString(utf8.Span);
            }

            return;
        }

        if (node.ValueObject is JsonStringValue kept)
        {
            WriteUnescaped(kept.Utf8.Span);
            return;
        }

        WriteValue(node.Value!, type);
    }

    /// <summary>
    /// Writes a long string kept as raw JSON content (a narrative, a long text read from JSON) from its UTF-8, never
    /// making its string: unescaped into a rented buffer, then escaped by the writer as any string.
    /// </summary>
    private void WriteUnescaped(ReadOnlySpan<byte> raw)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(raw.Length);
        var utf8 = buffer.AsSpan(0, JsonStringDecoder.UnescapeChecked(raw, buffer));
        WriteString(utf8);
        utf8.Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private void WriteValue(string value, FhirTypeDefinition type)
    {
        switch (type.JsonKind)
        {
            case PrimitiveJsonKind.Number when JsonNumberText.IsValid(value):
                _writer.WriteRawValue(value, skipInputValidation: true);
                break;
            case PrimitiveJsonKind.Boolean when value is "true" or "false":
                _writer.WriteBooleanValue(value[0] == 't');
                break;
            case PrimitiveJsonKind.String:
                WriteString(value);
                break;
            default:
                throw new ArgumentException($"{Location()}: '{ParseContext.Abbreviate(value)}' cannot be written as a JSON {type.JsonKind} for {type.Name}.", nameof(value));
        }
    }

    private void WriteString(string value)
    {
        if (value.Length <= SegmentChars)
        {
            _writer.WriteStringValue(value);
            return;
        }

        // Segments keep the writer's buffer requests small for very large values (base64 attachments).
        var remaining = value.AsSpan();
        while (remaining.Length > SegmentChars)
        {
            _writer.WriteStringValueSegment(remaining[..SegmentChars], false);
            remaining = remaining[SegmentChars..];
        }

        _writer.WriteStringValueSegment(remaining, true);
    }

    /// <summary>
    /// Writes a kept value (base64 text, which JSON never escapes) just after its property name: the opening quote and
    /// the bytes go straight to the output in pieces, and the closing quote through the writer, which so records the
    /// value as written (after a property name it adds nothing before a raw value).
    /// </summary>
    private void WriteKeptString(ReadOnlySpan<byte> utf8)
    {
        _writer.Flush();
        _output.GetSpan(1)[0] = (byte)'"';
        _output.Advance(1);
        while (utf8.Length > 0)
        {
            var piece = _output.GetSpan(Math.Min(utf8.Length, SegmentBytes));
            var length = Math.Min(piece.Length, utf8.Length);
            utf8[..length].CopyTo(piece);
            _output.Advance(length);
            utf8 = utf8[length..];
        }

        _writer.WriteRawValue("\""u8, skipInputValidation: true);
    }

    private void WriteString(ReadOnlySpan<byte> utf8)
    {
        // The writer checks the bytes and escapes what needs it (nothing, for base64), in segments as for strings.
        while (utf8.Length > SegmentBytes)
        {
            _writer.WriteStringValueSegment(utf8[..SegmentBytes], false);
            utf8 = utf8[SegmentBytes..];
        }

        _writer.WriteStringValueSegment(utf8, true);
    }
}
