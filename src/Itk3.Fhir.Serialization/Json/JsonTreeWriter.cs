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
    private const int SegmentChars = 16 * 1024;
    private readonly Utf8JsonWriter _writer;
    private readonly IFhirSchema _schema;

    public JsonTreeWriter(Utf8JsonWriter writer, IFhirSchema schema)
    {
        _writer = writer;
        _schema = schema;
    }

    /// <summary>Writes the root resource.</summary>
    public void WriteRoot(ElementNode resource) => WriteResource(resource, resource.ResourceType ?? resource.Name);

    private void WriteResource(ElementNode node, string location)
    {
        var type = node.ResourceType is { } name ? _schema.FindResourceType(name) : null;
        if (type is null)
        {
            throw new ArgumentException($"{location}: '{node.ResourceType ?? node.Name}' is not a resource type the schema knows.", nameof(node));
        }

        _writer.WriteStartObject();
        _writer.WriteString("resourceType"u8, type.Name);
        WriteMembers(node, type, location);
        _writer.WriteEndObject();
    }

    private void WriteMembers(ElementNode node, FhirTypeDefinition type, string location)
    {
        if (node.Children.Count == 0)
        {
            return;
        }

        foreach (var group in ChildGrouper.Group(node, type, location))
        {
            var groupLocation = LocationPath.Child(location, group.WireName);
            if (!group.Definition.IsArray && group.Nodes.Count > 1)
            {
                throw new ArgumentException($"{groupLocation}: the element does not repeat but the tree holds {group.Nodes.Count} of it.", nameof(node));
            }

            if (group.Definition.HoldsResource)
            {
                WriteResources(group, groupLocation);
                continue;
            }

            var childType = _schema.FindType(group.TypeName)
                ?? throw new ArgumentException($"{groupLocation}: the schema has no type '{group.TypeName}'.", nameof(node));
            if (childType.IsPrimitive)
            {
                WritePrimitives(group, childType, groupLocation);
            }
            else
            {
                WriteComplex(group, childType, groupLocation);
            }
        }
    }

    private void WriteResources(ElementGroup group, string location)
    {
        _writer.WritePropertyName(group.WireName);
        if (group.Definition.IsArray)
        {
            _writer.WriteStartArray();
        }

        foreach (var child in group.Nodes)
        {
            WriteResource(child, location);
        }

        if (group.Definition.IsArray)
        {
            _writer.WriteEndArray();
        }
    }

    private void WriteComplex(ElementGroup group, FhirTypeDefinition type, string location)
    {
        _writer.WritePropertyName(group.WireName);
        if (group.Definition.IsArray)
        {
            _writer.WriteStartArray();
        }

        foreach (var child in group.Nodes)
        {
            _writer.WriteStartObject();
            WriteMembers(child, type, location);
            _writer.WriteEndObject();
        }

        if (group.Definition.IsArray)
        {
            _writer.WriteEndArray();
        }
    }

    private void WritePrimitives(ElementGroup group, FhirTypeDefinition type, string location)
    {
        var isArray = group.Definition.IsArray;
        var hasValue = false;
        var hasMeta = false;
        foreach (var child in group.Nodes)
        {
            hasValue |= child.Value is not null;
            hasMeta |= child.Children.Count > 0;
        }

        if (hasValue)
        {
            _writer.WritePropertyName(group.WireName);
            WriteValues(group.Nodes, type, isArray, location);
        }

        if (hasMeta)
        {
            WriteMetaName(group.WireName);
            WriteMetas(group.Nodes, type, isArray, location);
        }
    }

    private void WriteValues(IReadOnlyList<ElementNode> nodes, FhirTypeDefinition type, bool isArray, string location)
    {
        if (!isArray)
        {
            WriteValue(nodes[0].Value!, type, location);
            return;
        }

        _writer.WriteStartArray();
        foreach (var node in nodes)
        {
            if (node.Value is null)
            {
                _writer.WriteNullValue();
            }
            else
            {
                WriteValue(node.Value, type, location);
            }
        }

        _writer.WriteEndArray();
    }

    private void WriteMetas(IReadOnlyList<ElementNode> nodes, FhirTypeDefinition type, bool isArray, string location)
    {
        if (isArray)
        {
            _writer.WriteStartArray();
        }

        foreach (var node in nodes)
        {
            if (node.Children.Count == 0)
            {
                _writer.WriteNullValue();
                continue;
            }

            _writer.WriteStartObject();
            WriteMembers(node, type, location);
            _writer.WriteEndObject();
        }

        if (isArray)
        {
            _writer.WriteEndArray();
        }
    }

    private void WriteMetaName(string wireName)
    {
        Span<byte> name = stackalloc byte[Encoding.UTF8.GetMaxByteCount(wireName.Length) + 1];
        name[0] = (byte)'_';
        var length = Encoding.UTF8.GetBytes(wireName, name[1..]);
        _writer.WritePropertyName(name[..(length + 1)]);
    }

    private void WriteValue(string value, FhirTypeDefinition type, string location)
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
                throw new ArgumentException($"{location}: '{ParseContext.Abbreviate(value)}' cannot be written as a JSON {type.JsonKind} for {type.Name}.", nameof(value));
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
}
