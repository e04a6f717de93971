using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>A growing stack of resolved element matches shared by every level of the writer, so each child is looked up once.</summary>
internal sealed class MatchBuffer
{
    private ElementMatch[] _matches = new ElementMatch[64];
    private int _count;

    /// <summary>The match at an absolute index.</summary>
    public ref readonly ElementMatch this[int index] => ref _matches[index];

    /// <summary>The start of a new level.</summary>
    public int Mark() => _count;

    /// <summary>Appends a match.</summary>
    public void Add(in ElementMatch match)
    {
        if (_count == _matches.Length)
        {
            Array.Resize(ref _matches, _matches.Length * 2);
        }

        _matches[_count++] = match;
    }

    /// <summary>Drops the matches added since <paramref name="mark"/>.</summary>
    public void Release(int mark) => _count = mark;
}
