using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// The children of every object being read, one run per open object on top of its parent's: an object whose
/// members come in definition order appends its nodes here and takes them out as its child array when it ends, so
/// reading it needs no per-member bookkeeping. Reused between parses; holds no node after <see cref="Clear"/>.
/// </summary>
internal sealed class JsonChildBuffer
{
    private const int InitialSize = 256;
    private const int MaxKeptSize = 4096;
    private ElementNode[] _nodes = new ElementNode[InitialSize];

    /// <summary>The number of nodes held: where the next object's run starts.</summary>
    public int Count { get; private set; }

    /// <summary>Appends a node to the current object's run.</summary>
    public void Add(ElementNode node)
    {
        if (Count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        _nodes[Count++] = node;
    }

    /// <summary>The nodes from <paramref name="start"/> on.</summary>
    public ReadOnlySpan<ElementNode> Since(int start) => _nodes.AsSpan(start, Count - start);

    /// <summary>The nodes from <paramref name="start"/> on as a new array, removed from the buffer.</summary>
    public ElementNode[] TakeSince(int start)
    {
        var taken = Count == start ? [] : _nodes.AsSpan(start, Count - start).ToArray();
        Count = start;
        return taken;
    }

    /// <summary>Removes the nodes from <paramref name="start"/> on (they stay referenced until <see cref="Clear"/>).</summary>
    public void Truncate(int start) => Count = start;

    /// <summary>Empties the buffer and drops every reference it held, keeping a moderate capacity.</summary>
    public void Clear()
    {
        if (_nodes.Length > MaxKeptSize)
        {
            _nodes = new ElementNode[InitialSize];
        }
        else
        {
            Array.Clear(_nodes);
        }

        Count = 0;
    }
}
