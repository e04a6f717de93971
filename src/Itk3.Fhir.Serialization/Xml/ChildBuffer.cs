using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// One growing buffer shared by every level of the reader: each element marks where its children start, appends them
/// with their definition order, and takes them out as an exactly sized array sorted into definition order.
/// </summary>
internal sealed class ChildBuffer
{
    private const int InsertionSortLimit = 32;

    private Entry[] _entries = new Entry[64];
    private int _count;

    /// <summary>Drops every child, for a parse that stopped part-way.</summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, _count);
        _count = 0;
    }

    /// <summary>The start of a new level.</summary>
    public int Mark() => _count;

    /// <summary>Appends a child with the definition order of its element.</summary>
    public void Add(ElementNode node, int order)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count++] = new Entry(node, order);
    }

    /// <summary>The wire name of the first child at this level with the given definition order, or null.</summary>
    public string? FindName(int mark, int order)
    {
        for (var i = mark; i < _count; i++)
        {
            if (_entries[i].Order == order)
            {
                return _entries[i].Node.Name;
            }
        }

        return null;
    }

    /// <summary>Removes the children appended since <paramref name="mark"/>, in definition order (stable).</summary>
    public ElementNode[] Take(int mark)
    {
        var length = _count - mark;
        if (length == 0)
        {
            return [];
        }

        var slice = new ArraySegment<Entry>(_entries, mark, length);
        var result = new ElementNode[length];
        if (IsOrdered(slice))
        {
            for (var i = 0; i < length; i++)
            {
                result[i] = slice[i].Node;
            }
        }
        else if (length <= InsertionSortLimit)
        {
            InsertionSort(slice, result);
        }
        else
        {
            // OrderBy is a stable sort: repeats keep their document order, and adversarial input stays O(n log n).
            var i = 0;
            foreach (var entry in slice.OrderBy(entry => entry.Order))
            {
                result[i++] = entry.Node;
            }
        }

        Array.Clear(_entries, mark, length);
        _count = mark;
        return result;
    }

    /// <summary>A stable insertion sort into <paramref name="result"/>, allocation-free for the short lists of attributes and extensions.</summary>
    private static void InsertionSort(ArraySegment<Entry> slice, ElementNode[] result)
    {
        Span<int> orders = stackalloc int[slice.Count];
        for (var i = 0; i < slice.Count; i++)
        {
            var entry = slice[i];
            var j = i - 1;
            while (j >= 0 && orders[j] > entry.Order)
            {
                orders[j + 1] = orders[j];
                result[j + 1] = result[j];
                j--;
            }

            orders[j + 1] = entry.Order;
            result[j + 1] = entry.Node;
        }
    }

    private static bool IsOrdered(ArraySegment<Entry> slice)
    {
        for (var i = 1; i < slice.Count; i++)
        {
            if (slice[i].Order < slice[i - 1].Order)
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Entry(ElementNode Node, int Order);
}
