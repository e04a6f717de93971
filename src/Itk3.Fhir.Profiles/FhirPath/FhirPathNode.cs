namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>A node of a parsed FHIRPath expression.</summary>
internal abstract record FhirPathNode;

/// <summary>A literal value (<c>'text'</c>, <c>1</c>, <c>true</c>); null stands for the empty collection <c>{}</c>.</summary>
internal sealed record LiteralNode(object? Value) : FhirPathNode;

/// <summary>A name at the start of an expression or after a dot (member access), or a function call when it has arguments.</summary>
internal sealed record InvocationNode(FhirPathNode? Target, string Name, IReadOnlyList<FhirPathNode>? Arguments) : FhirPathNode;

/// <summary>An indexer <c>x[n]</c>.</summary>
internal sealed record IndexerNode(FhirPathNode Target, FhirPathNode Index) : FhirPathNode;

/// <summary>A binary operator.</summary>
internal sealed record BinaryNode(string Operator, FhirPathNode Left, FhirPathNode Right) : FhirPathNode;

/// <summary>A unary minus or plus.</summary>
internal sealed record UnaryNode(string Operator, FhirPathNode Operand) : FhirPathNode;

/// <summary>A variable: <c>$this</c>, <c>%resource</c>, <c>%context</c>, <c>%ucum</c>...</summary>
internal sealed record VariableNode(string Name) : FhirPathNode;

/// <summary><c>x is T</c> or <c>x as T</c>.</summary>
internal sealed record TypeNode(string Operator, FhirPathNode Operand, string TypeName) : FhirPathNode;
