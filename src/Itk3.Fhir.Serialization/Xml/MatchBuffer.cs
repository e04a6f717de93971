namespace Itk3.Fhir.Serialization.Xml;

/// <summary>A growing stack of resolved element matches (with their types) shared by every level of the writer, so each child is looked up once.</summary>
internal sealed class MatchBuffer
{
    private ElementMatchCache.Resolved[] _matches = new ElementMatchCache.Resolved[64];
    private int _count;

    /// <summary>The match at an absolute index.</summary>
    public ref readonly ElementMatchCache.Resolved this[int index] => ref _matches[index];

    /// <summary>The start of a new level.</summary>
    public int Mark() => _count;

    /// <summary>Appends a match.</summary>
    public void Add(in ElementMatchCache.Resolved match)
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
