using Itk3.Fhir.Profiles.Definitions;
using Itk3.Fhir.Profiles.FhirPath;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>An invariant with its parsed expression, or the reason it could not be parsed.</summary>
internal sealed record CompiledInvariant(Constraint Constraint, FhirPathNode? Expression, string? ParseError)
{
    /// <summary>An equivalent native evaluation (see <see cref="NativeInvariants"/>), used instead of the interpreter when set.</summary>
    public Func<ElementModel.ElementNode, bool>? Native { get; init; }
}
