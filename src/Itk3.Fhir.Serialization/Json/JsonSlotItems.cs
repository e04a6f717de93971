namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// The items one slot collects, in order: the first is held inline (most members have one value), the rest in a list
/// made on the first array of two or more and reused with the slot.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class JsonSlotItems<T>
{
    private T _first = default!;
    private List<T>? _rest;

    /// <summary>The number of items.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/> (less than <see cref="Count"/>).</summary>
    public T this[int index] => index == 0 ? _first : _rest![index - 1];

    /// <summary>Appends an item.</summary>
    public void Add(T item)
    {
        if (Count == 0)
        {
            _first = item;
        }
        else
        {
            (_rest ??= []).Add(item);
        }

        Count++;
    }

    /// <summary>Drops every item (and every reference it held).</summary>
    public void Clear()
    {
        if (Count == 0)
        {
            return;
        }

        _first = default!;
        _rest?.Clear();
        Count = 0;
    }
}
