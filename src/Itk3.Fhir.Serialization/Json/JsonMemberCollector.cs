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

    // For each definition order, the slot opened for it in the current object, valid when its stamp is the object's
    // (each object read here gets a new stamp), so finding a member's slot costs two array reads and nothing is cleared.
    private int[] _slotByOrder = new int[64];
    private int[] _stampByOrder = new int[64];
    private int _stamp = 1;
    private int _count;
    private bool _outOfOrder;

    /// <summary>Drops every reference to nodes and values (slots are otherwise only cleared when reused).</summary>
    public void Release()
    {
        ForgetOrders();
        foreach (var slot in _slots)
        {
            slot.Clear();
        }

        _count = 0;
    }

    /// <summary>The slot already opened for a definition (a choice element has one, whichever type came first), or null.</summary>
    public JsonMemberSlot? Find(FhirElementDefinition definition)
    {
        var order = definition.Order;
        var index = (uint)order < (uint)_stampByOrder.Length && _stampByOrder[order] == _stamp ? _slotByOrder[order] : -1;
        if (index >= 0 && ReferenceEquals(_slots[index].Match.Definition, definition))
        {
            return _slots[index];
        }

        return index < 0 ? null : FindSlowly(definition);
    }

    /// <summary>Opens a slot for a member.</summary>
    public JsonMemberSlot Add(JsonMember member)
    {
        if (_count == _slots.Count)
        {
            _slots.Add(new JsonMemberSlot());
        }

        var order = member.Match.Definition.Order;
        if (_count > 0 && order < _slots[_count - 1].Match.Definition.Order)
        {
            _outOfOrder = true;
        }

        if (order >= _stampByOrder.Length)
        {
            var size = Math.Max(order + 1, _stampByOrder.Length * 2);
            Array.Resize(ref _slotByOrder, size);
            Array.Resize(ref _stampByOrder, size);
        }

        if (order >= 0 && _stampByOrder[order] != _stamp)
        {
            _stampByOrder[order] = _stamp;
            _slotByOrder[order] = _count;
        }

        var slot = _slots[_count++];
        slot.Reset(member);
        return slot;
    }

    /// <summary>The search for a definition whose order another definition of the object shares (types built in code).</summary>
    private JsonMemberSlot? FindSlowly(FhirElementDefinition definition)
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

    /// <summary>Starts a new object: every slot found by order so far becomes stale.</summary>
    private void ForgetOrders()
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stampByOrder);
            _stamp = 1;
        }

        _outOfOrder = false;
    }

    /// <summary>Emits the children in definition order and empties the collector.</summary>
    public ElementNode[] Build(JsonPathStack path, ParseContext issues)
    {
        if (_outOfOrder)
        {
            SortByDefinitionOrder();
        }

        ForgetOrders();
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
        var nodes = slot.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            children[written++] = nodes[i];
        }

        return written;
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
