namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>
/// Finds, once at compile time, what in a parsed expression the evaluator does not support (a function or variable),
/// so that such an invariant is reported "not checked" without being evaluated (and throwing) on every element.
/// </summary>
internal static class FhirPathSupport
{
    private static readonly HashSet<string> SupportedVariables = new(StringComparer.Ordinal)
    {
        "$this", "%resource", "%rootResource", "%context", "%ucum", "%sct", "%loinc",
    };

    /// <summary>Why the expression cannot be evaluated, or null when everything in it is supported.</summary>
    public static string? FirstUnsupported(FhirPathNode node) => node switch
    {
        InvocationNode { Arguments: { } arguments } invocation when !FhirPathEvaluator.SupportedFunctions.Contains(invocation.Name) =>
            $"function {invocation.Name}() is not supported",
        InvocationNode invocation => First(invocation.Target, invocation.Arguments),
        VariableNode variable => SupportedVariables.Contains(variable.Name) ? null : $"variable {variable.Name} is not supported",
        IndexerNode indexer => FirstUnsupported(indexer.Target) ?? FirstUnsupported(indexer.Index),
        BinaryNode binary => FirstUnsupported(binary.Left) ?? FirstUnsupported(binary.Right),
        UnaryNode unary => FirstUnsupported(unary.Operand),
        TypeNode type => FirstUnsupported(type.Operand),
        _ => null,
    };

    private static string? First(FhirPathNode? target, IReadOnlyList<FhirPathNode>? arguments)
    {
        if (target is not null && FirstUnsupported(target) is { } reason)
        {
            return reason;
        }

        foreach (var argument in arguments ?? [])
        {
            if (FirstUnsupported(argument) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
