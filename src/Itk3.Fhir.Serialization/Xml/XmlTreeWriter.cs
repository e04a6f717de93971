using System.Buffers;
using System.Text.Unicode;
using System.Xml;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Writing;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Writes element nodes to an <see cref="XmlWriter"/>. Children already in definition order (what the readers
/// produce) are written in one pass; other trees go through <see cref="ChildGrouper"/> first. A long value kept as
/// UTF-8 that needs no escaping (base64) goes straight to <paramref name="output"/>, the stream under the writer.
/// </summary>
internal sealed class XmlTreeWriter(XmlWriter writer, IFhirSchema schema, bool indented, Stream? output = null)
{
    private const string Ns = FhirXmlNames.FhirNamespace;
    private const int ChunkChars = 4 * 1024;
    private static readonly SearchValues<byte> Base64Bytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="u8);
    private readonly LocationStack _path = new();
    private readonly XhtmlDivValidator _divValidator = new();
    private readonly MatchBuffer _matches = new();
    private readonly ElementMatchCache _cache = new(schema);

    public void WriteRoot(ElementNode resource, FhirTypeDefinition type)
    {
        _path.Reset(type.Name);
        writer.WriteStartElement(string.Empty, type.Name, Ns);
        WriteContent(resource, type);
        writer.WriteEndElement();
    }

    private void WriteContent(ElementNode node, FhirTypeDefinition type)
    {
        var mark = _matches.Mark();
        var ordered = ResolveChildren(node, type);
        WriteValueAndAttributes(node, type, mark);
        if (ordered)
        {
            WriteOrderedChildren(node.Children, mark);
        }
        else
        {
            WriteGroupedChildren(node, type);
        }

        _matches.Release(mark);
    }

    /// <summary>Resolves every child once into the match buffer; true when they are already in definition order.</summary>
    private bool ResolveChildren(ElementNode node, FhirTypeDefinition type)
    {
        var ordered = true;
        var last = -1;
        string? lastName = null;
        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (!_cache.TryFind(type, child.Name, out var resolved))
            {
                throw Invalid($"'{child.Name}' is not an element of {type.Name}.");
            }

            _matches.Add(resolved);
            var order = resolved.Match.Definition.Order;
            ordered &= order > last || (order == last && child.Name == lastName);
            last = Math.Max(last, order);
            lastName = child.Name;
        }

        return ordered;
    }

    private void WriteValueAndAttributes(ElementNode node, FhirTypeDefinition type, int mark)
    {
        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (_matches[mark + i].Match.Definition.Representation == ElementRepresentation.XmlAttribute)
            {
                if (child.Value is null || child.Children.Count > 0)
                {
                    throw Invalid($"'{child.Name}' is written as an XML attribute and must be a plain value.");
                }

                writer.WriteAttributeString(child.Name, child.Value);
            }
        }

        if (node.HasValue)
        {
            if (!type.IsPrimitive)
            {
                throw Invalid($"{type.Name} is not a primitive type and cannot hold a value.");
            }

            if (node.TryGetUtf8Value(out var utf8))
            {
                WriteValueAttribute(utf8.Span);
                return;
            }

            writer.WriteAttributeString(FhirXmlNames.ValueAttribute, node.Value);
        }
    }

    /// <summary>
    /// Writes a value kept as UTF-8 (a long base64 value): bytes that need no escaping are copied to the output stream
    /// as they are (the writer flushed first), others go through the writer in chunks; never decoded whole.
    /// </summary>
    private void WriteValueAttribute(ReadOnlySpan<byte> utf8)
    {
        writer.WriteStartAttribute(FhirXmlNames.ValueAttribute);
        if (output is not null && utf8.IndexOfAnyExcept(Base64Bytes) < 0)
        {
            writer.Flush();
            output.Write(utf8);
            writer.WriteEndAttribute();
            return;
        }

        var chunk = ArrayPool<char>.Shared.Rent(ChunkChars);
        try
        {
            while (!utf8.IsEmpty)
            {
                // Stops before a sequence that does not fit, so every chunk holds whole characters.
                var status = Utf8.ToUtf16(utf8, chunk, out var read, out var written, replaceInvalidSequences: false);
                if (status is not (OperationStatus.Done or OperationStatus.DestinationTooSmall))
                {
                    throw Invalid("a value kept as UTF-8 is not valid UTF-8.");
                }

                writer.WriteChars(chunk, 0, written);
                utf8 = utf8[read..];
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }

        writer.WriteEndAttribute();
    }

    private void WriteOrderedChildren(IReadOnlyList<ElementNode> children, int mark)
    {
        var index = 0;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var resolved = _matches[mark + i];
            index = i > 0 && children[i - 1].Name == child.Name ? index + 1 : 0;
            if (resolved.Match.Definition.Representation != ElementRepresentation.XmlAttribute)
            {
                WriteChild(child, resolved, index);
            }
        }
    }

    private void WriteGroupedChildren(ElementNode node, FhirTypeDefinition type)
    {
        foreach (var group in ChildGrouper.Group(node, type, _path.Current()))
        {
            if (group.Definition.Representation == ElementRepresentation.XmlAttribute)
            {
                continue;
            }

            // Every name was resolved when the children were ordered.
            var resolved = _cache.Find(type, group.WireName)!;
            for (var i = 0; i < group.Nodes.Count; i++)
            {
                WriteChild(group.Nodes[i], resolved, i);
            }
        }
    }

    private void WriteChild(ElementNode child, ElementMatchCache.Resolved resolved, int index)
    {
        var definition = resolved.Match.Definition;
        _path.Push(child.Name, definition.IsArray ? index : -1);
        if (definition.HoldsResource)
        {
            WriteResource(child);
        }
        else if (definition.Representation == ElementRepresentation.Xhtml)
        {
            WriteDiv(child);
        }
        else
        {
            var type = resolved.Type ?? throw Invalid($"the type {resolved.Match.TypeName} is not known.");
            writer.WriteStartElement(child.Name, Ns);
            WriteContent(child, type);
            writer.WriteEndElement();
        }

        _path.Pop();
    }

    private void WriteResource(ElementNode child)
    {
        var resourceType = child.ResourceType ?? throw Invalid("a resource container node has no resource type.");
        var type = schema.FindResourceType(resourceType) ?? throw Invalid($"'{resourceType}' is not a resource type.");
        if (child.HasValue)
        {
            throw Invalid("a resource cannot hold a value.");
        }

        _path.PushOfType(resourceType);
        writer.WriteStartElement(child.Name, Ns);
        writer.WriteStartElement(resourceType, Ns);
        WriteContent(child, type);
        writer.WriteEndElement();
        writer.WriteEndElement();
        _path.Pop();
    }

    private void WriteDiv(ElementNode child)
    {
        if (child.Value is null || child.Children.Count > 0)
        {
            throw Invalid("a narrative div must be a plain XHTML string.");
        }

        _divValidator.Validate(child.Value, _path);

        // The div is XHTML text: written as it is, an XML reader reads it exactly as a reader of the JSON string would
        // (docs/fhir.md, "Narrative whitespace").
        var xhtml = child.Value;
        if (!indented)
        {
            writer.WriteRaw(xhtml);
            return;
        }

        // Raw content switches the writer to mixed content, so the div's own line breaks are written by hand;
        // the div is always the last element of a Narrative, so its parent's end tag follows.
        var depth = _path.Count - 1;
        writer.WriteRaw("\n" + new string(' ', 2 * depth));
        writer.WriteRaw(xhtml);
        writer.WriteRaw("\n" + new string(' ', 2 * (depth - 1)));
    }

    private ArgumentException Invalid(string problem) => new($"{_path.Current()}: {problem}", "resource");
}
