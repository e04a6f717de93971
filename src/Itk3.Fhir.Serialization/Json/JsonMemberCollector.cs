using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Gathers the members of one JSON object and emits them as child nodes in definition order (repeats keep their array
/// order). One collector exists per nesting level and is reused, so reading allocates no bookkeeping per object.
/// </summary>
internal sealed class JsonMemberCollector
{
    private readonly List<JsonMemberSlot> _slots = [];
    private int _count;

    /// <summary>Drops every reference to nodes and values (slots are otherwise only cleared when reused).</summary>
    public void Release()
    {
        foreach (var slot in _slots)
        {
            slot.Reset(string.Empty, default, null);
        }

        _count = 0;
    }

    /// <summary>The slot already opened for a wire name, or null.</summary>
    public JsonMemberSlot? Find(string wireName)
    {
        for (var i = 0; i < _count; i++)
        {
            var slot = _slots[i];
            if (ReferenceEquals(slot.WireName, wireName) || slot.WireName == wireName)
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>The slot opened for another type of the same choice element, or null.</summary>
    public JsonMemberSlot? FindChoice(FhirElementDefinition definition)
    {
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_slots[i].Match.Definition, definition))
            {
                return _slots[i];
            }
        }

        return null;
    }

    /// <summary>Opens a slot for a wire name.</summary>
    public JsonMemberSlot Add(string wireName, ElementMatch match, FhirTypeDefinition? type)
    {
        if (_count == _slots.Count)
        {
            _slots.Add(new JsonMemberSlot());
        }

        var slot = _slots[_count++];
        slot.Reset(wireName, match, type);
        return slot;
    }

    /// <summary>Emits the children in definition order and empties the collector.</summary>
    public ElementNode[] Build(JsonPathStack path, ParseContext issues)
    {
        SortByDefinitionOrder();
        var capacity = 0;
        for (var i = 0; i < _count; i++)
        {
            capacity += _slots[i].Capacity;
        }

        if (capacity == 0)
        {
            _count = 0;
            return [];
        }

        var children = new ElementNode[capacity];
        var written = 0;
        for (var i = 0; i < _count; i++)
        {
            var slot = _slots[i];
            written = slot.IsPrimitive ? MergePrimitive(slot, children, written, path, issues) : CopyNodes(slot, children, written);
        }

        _count = 0;
        return written == capacity ? children : children[..written];
    }

    private static int CopyNodes(JsonMemberSlot slot, ElementNode[] children, int written)
    {
        slot.Nodes.CopyTo(children, written);
        return written + slot.Nodes.Count;
    }

    private static int MergePrimitive(JsonMemberSlot slot, ElementNode[] children, int written, JsonPathStack path, ParseContext issues)
    {
        var values = slot.Values;
        var metas = slot.Metas;
        var isArray = slot.Match.Definition.IsArray;
        if (slot.HasValue && slot.HasMeta && values.Count != metas.Count)
        {
            issues.Report(FhirIssues.ParallelArrayMismatch, path.Describe(slot.WireName), slot.MetaPosition,
                $"'{slot.WireName}' has {values.Count} values but '_{slot.WireName}' has {metas.Count} items.");
        }

        var count = Math.Max(values.Count, metas.Count);
        for (var i = 0; i < count; i++)
        {
            var value = i < values.Count ? values[i] : new JsonPrimitiveItem(null, JsonItemState.Null, default);
            var meta = i < metas.Count ? metas[i] : new JsonMetaItem(null, JsonItemState.Null, default);
            if (value.State == JsonItemState.Invalid || meta.State == JsonItemState.Invalid)
            {
                continue;
            }

            if (value.State == JsonItemState.Null && meta.State == JsonItemState.Null)
            {
                if ((i < values.Count && i < metas.Count) || !slot.HasValue || !slot.HasMeta)
                {
                    var position = value.Position.IsKnown ? value.Position : meta.Position;
                    issues.Report(FhirIssues.ParallelArrayMismatch, path.Describe(slot.WireName, isArray ? i : -1), position,
                        $"Item {i} of '{slot.WireName}' is null in both the value and the _{slot.WireName} array.");
                }

                continue;
            }

            var at = value.State == JsonItemState.Present ? value.Position : meta.Position;
            children[written++] = value.ToNode(slot.WireName, meta.Children, at);
        }

        return written;
    }

    private void SortByDefinitionOrder()
    {
        for (var i = 1; i < _count; i++)
        {
            var current = _slots[i];
            var order = current.Match.Definition.Order;
            var j = i - 1;
            while (j >= 0 && _slots[j].Match.Definition.Order > order)
            {
                _slots[j + 1] = _slots[j];
                j--;
            }

            _slots[j + 1] = current;
        }
    }
}
