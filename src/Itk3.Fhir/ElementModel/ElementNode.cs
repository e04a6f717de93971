namespace Itk3.Fhir.ElementModel;

/// <summary>
/// An immutable node of the untyped FHIR element tree, the canonical in-memory form of any resource.
/// Names are the wire names (<c>valueString</c>, not <c>value[x]</c>); primitive values keep their exact
/// lexical text (<c>1.10</c> stays <c>1.10</c>); a node that holds a resource carries its <see cref="ResourceType"/>.
/// </summary>
public sealed class ElementNode
{
    private static readonly ElementNode[] NoChildren = [];

    // The name, or for a resource node its name and resource type: few nodes hold resources, so keeping the type
    // beside the name in one field makes every node 8 bytes smaller (the tree is most of a parse's allocations).
    private readonly object _name;

    // The value: a string, or a Utf8Value (a long value kept as the bytes it was read from, decoded on first use), or null.
    private readonly object? _value;

    /// <summary>Creates a node; <paramref name="children"/> are kept in the given order.</summary>
    public ElementNode(
        string name,
        string? value = null,
        IReadOnlyList<ElementNode>? children = null,
        string? resourceType = null,
        SourcePosition position = default)
        : this(name, (object?)value, children, resourceType, position)
    {
    }

    /// <summary>Creates a node whose value is kept as UTF-8 bytes until it is read as a string.</summary>
    internal ElementNode(string name, Utf8Value value, IReadOnlyList<ElementNode>? children, SourcePosition position)
        : this(name, (object)value, children, null, position)
    {
    }

    private ElementNode(string name, object? value, IReadOnlyList<ElementNode>? children, string? resourceType, SourcePosition position)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = resourceType is null ? name : new ResourceName(name, resourceType);
        _value = value;
        Children = children ?? NoChildren;
        Position = position;
    }

    /// <summary>The element's wire name; for a root resource, its resource type.</summary>
    public string Name => _name as string ?? ((ResourceName)_name).Name;

    /// <summary>The primitive value as written (lexical form), or null when the element has no value.</summary>
    public string? Value => _value as string ?? (_value as Utf8Value)?.Text;

    /// <summary>The value as held: a string, a <see cref="Utf8Value"/>, or null (for readers that rebuild nodes).</summary>
    internal object? ValueObject => _value;

    /// <summary>True when the element has a value (asking this never decodes a value kept as UTF-8).</summary>
    public bool HasValue => _value is not null;

    /// <summary>
    /// Gives the value's UTF-8 bytes when the node keeps them (a long unescaped value read from JSON, e.g. a base64
    /// attachment) without creating the string; false otherwise (read <see cref="Value"/>). After a parse of bytes they
    /// are a slice of those bytes, valid while they are left unchanged; after a parse of a stream, the tree's own copy.
    /// </summary>
    public bool TryGetUtf8Value(out ReadOnlyMemory<byte> utf8)
    {
        if (_value is Utf8Value { IsPlainUtf8: true } kept)
        {
            utf8 = kept.Utf8;
            return true;
        }

        utf8 = default;
        return false;
    }

    /// <summary>Child elements in document order; repeats of one element appear as consecutive nodes of the same name.</summary>
    public IReadOnlyList<ElementNode> Children { get; }

    /// <summary>The resource type when this node is a resource (a root, a contained or an inline resource), otherwise null.</summary>
    public string? ResourceType => (_name as ResourceName)?.ResourceType;

    /// <summary>Where the node started in the source text.</summary>
    public SourcePosition Position { get; }

    /// <summary>True when this node holds a resource.</summary>
    public bool IsResource => _name is ResourceName;

    /// <summary>The first child with the given name, or null.</summary>
    public ElementNode? Child(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name == name)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>All children with the given name, in order.</summary>
    public IEnumerable<ElementNode> ChildrenNamed(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name == name)
            {
                yield return child;
            }
        }
    }

    /// <summary>The value of the first child with the given name, or null.</summary>
    public string? ChildValue(string name) => Child(name)?.Value;

    /// <summary>Follows a dotted path of child names (first match at each step), e.g. <c>event.code</c>.</summary>
    public ElementNode? Select(string dottedPath)
    {
        ElementNode? current = this;
        foreach (var part in dottedPath.Split('.'))
        {
            current = current?.Child(part);
        }

        return current;
    }

    /// <summary>A copy of this node with another name (used when a resource is wrapped as <c>resource</c> or <c>contained</c>).</summary>
    public ElementNode WithName(string name) => new(name, _value, Children, ResourceType, Position);

    /// <inheritdoc />
    public override string ToString() => Value is null ? Name : $"{Name}={Value}";

    private sealed class ResourceName(string name, string resourceType)
    {
        public string Name { get; } = name;

        public string ResourceType { get; } = resourceType;
    }
}
