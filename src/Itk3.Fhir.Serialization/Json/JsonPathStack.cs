using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// The FHIRPath-style location of the reader, kept as segments and turned into text (through <see cref="LocationPath"/>)
/// only when an issue needs it, so that well-formed input never pays for location strings.
/// </summary>
internal sealed class JsonPathStack
{
    private readonly List<Segment> _segments = [];

    /// <summary>Enters an element; <paramref name="index"/> is non-negative for an item of a repeating element.</summary>
    public void Push(string name, int index = -1) => _segments.Add(new Segment(name, index, false));

    /// <summary>Enters a resource held by the current element (or the root resource when the stack is empty).</summary>
    public void PushResource(string resourceType) => _segments.Add(new Segment(resourceType, -1, _segments.Count > 0));

    /// <summary>How many segments deep the reader is (the element depth the XML reader would count).</summary>
    public int Depth => _segments.Count;

    /// <summary>Leaves the innermost segment.</summary>
    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>The location text, optionally with one more child segment.</summary>
    public string Describe(string? child = null, int index = -1)
    {
        var location = string.Empty;
        foreach (var segment in _segments)
        {
            location = Append(location, segment);
        }

        return child is null ? location : Append(location, new Segment(child, index, false));
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    private static string Append(string location, Segment segment)
    {
        if (segment.IsOfType)
        {
            return LocationPath.OfType(location, segment.Name);
        }

        if (location.Length == 0)
        {
            return segment.Name;
        }

        return LocationPath.Child(location, segment.Name, segment.Index >= 0 ? segment.Index : null);
    }

    private readonly record struct Segment(string Name, int Index, bool IsOfType);
}
