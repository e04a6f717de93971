using System.Text;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// The path to the element being read or written, kept as segments so that the FHIRPath-style location string
/// (<c>Bundle.entry[0].resource.ofType(MessageHeader).event</c>) is only built when an issue needs it.
/// </summary>
internal sealed class LocationStack
{
    private Segment[] _segments = new Segment[16];
    private int _count;
    private readonly StringBuilder _builder = new();

    /// <summary>The number of segments, the root included.</summary>
    public int Count => _count;

    /// <summary>Starts a new path at a root resource.</summary>
    public void Reset(string root)
    {
        Clear();
        Add(new Segment(root, -1, false));
    }

    /// <summary>Forgets the path.</summary>
    public void Clear()
    {
        // Popped segments stay in the array until overwritten, so all of it is cleared.
        Array.Clear(_segments);
        _count = 0;
    }

    /// <summary>Enters a child element; <paramref name="index"/> is non-negative for repeating elements.</summary>
    public void Push(string name, int index = -1) => Add(new Segment(name, index, false));

    /// <summary>Enters the resource held by a container element.</summary>
    public void PushOfType(string resourceType) => Add(new Segment(resourceType, -1, true));

    /// <summary>Leaves the innermost segment.</summary>
    public void Pop() => _count--;

    /// <summary>The current location.</summary>
    public string Current() => Build(_count);

    /// <summary>The location of a child of the current element.</summary>
    public string ChildOf(string name) => _count == 0 ? name : LocationPath.Child(Current(), name);

    private void Add(Segment segment)
    {
        if (_count == _segments.Length)
        {
            Array.Resize(ref _segments, _count * 2);
        }

        _segments[_count++] = segment;
    }

    // One StringBuilder pass instead of nesting LocationPath calls: the same text (a test holds them equal), built in O(length).
    private string Build(int count)
    {
        if (count == 0)
        {
            return string.Empty;
        }

        _builder.Clear().Append(_segments[0].Name);
        for (var i = 1; i < count; i++)
        {
            var segment = _segments[i];
            if (segment.IsOfType)
            {
                _builder.Append(".ofType(").Append(segment.Name).Append(')');
                continue;
            }

            _builder.Append('.').Append(segment.Name);
            if (segment.Index >= 0)
            {
                _builder.Append('[').Append(segment.Index).Append(']');
            }
        }

        return _builder.ToString();
    }

    private readonly record struct Segment(string Name, int Index, bool IsOfType);
}
