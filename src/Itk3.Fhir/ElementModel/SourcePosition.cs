namespace Itk3.Fhir.ElementModel;

/// <summary>A one-based line and column in the source text; <see cref="None"/> when the node was built in code.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The position of a node that did not come from parsed text.</summary>
    public static SourcePosition None => default;

    /// <summary>True when the position refers to real source text.</summary>
    public bool IsKnown => Line > 0;

    /// <inheritdoc />
    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "-";
}
